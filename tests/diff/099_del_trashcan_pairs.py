# Freeing 160 nested [Leaf(i), next] lists: past 50 levels the trashcan
# defers deeper lists to bound C recursion, which reorders the frees.
class Leaf:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print('free', self.i)
head = None
i = 0
while i < 160:
    head = [Leaf(i), head]
    i += 1
print('dropping the outermost list, holding leaf', head[0].i)
head = None
print('all gone')
