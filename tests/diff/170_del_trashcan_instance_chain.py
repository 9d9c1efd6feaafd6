# A chain of 120 plain instances (no __del__) each holding a Leaf: the
# instances go through the trashcan too, so deep leaves are freed late.
class Leaf:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print('free', self.i)
class Node:
    def __init__(self, leaf, nxt):
        self.leaf = leaf
        self.next = nxt
head = None
i = 0
while i < 120:
    head = Node(Leaf(i), head)
    i += 1
head = None
print('all gone')
