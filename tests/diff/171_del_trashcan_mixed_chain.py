# A chain alternating lists, dicts and instances, 150 levels deep, with a
# Leaf at each level: the frees show where the trashcan cut in.
class Leaf:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print('free', self.i)
class Node:
    pass
head = None
i = 0
while i < 150:
    if i % 3 == 0:
        head = [Leaf(i), head]
    elif i % 3 == 1:
        head = {'a': head, 'b': Leaf(i)}
    else:
        n = Node()
        n.next = head
        n.leaf = Leaf(i)
        head = n
        n = None
    i += 1
head = None
print('all gone')
