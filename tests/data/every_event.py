# Drawn at every event by tests/deep.sh: objects between their allocation
# and their making (a class, a function, a dict, a set, an instance).
import gc, sys
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
    def __del__(self):
        print('bye', self.name)
def ring(n):
    first = Node(0)
    last = first
    for i in range(1, n):
        last.next = Node(i)
        last = last.next
    last.next = first
for k in range(3):
    ring(4)
    x = [[1], (2, 3), {'a': 'b'}, 'text']
    x.append(x)
    print(gc.collect(), sys.getrefcount(x))
del x
print(gc.collect())
