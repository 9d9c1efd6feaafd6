# A callback fires in the middle of a cascade: freeing the parent frees its
# attributes, and each one's callback runs as it dies.
import weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
def report(ref):
    print('callback for a child')
parent = Node('parent')
parent.left = Node('left')
parent.right = Node('right')
wl = weakref.ref(parent.left, report)
wr = weakref.ref(parent.right, report)
wp = weakref.ref(parent)
print('dropping the parent')
parent = None
print('parent:', wp(), 'left:', wl(), 'right:', wr())
