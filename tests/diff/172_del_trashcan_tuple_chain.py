# Freeing 120 nested tuples (next, Leaf(i)): tuples free their items from
# the last back, and the trashcan defers the deep ones.
class Leaf:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print('free', self.i)
head = None
i = 0
while i < 120:
    head = (head, Leaf(i))
    i += 1
head = None
print('all gone')
