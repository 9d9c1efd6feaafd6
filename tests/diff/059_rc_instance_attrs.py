# An instance attribute holds one reference; the same object may be the
# attribute of many instances.
import sys
class Node:
    def __init__(self, payload):
        self.payload = payload
shared = []
n1 = Node(shared)
print('shared in one node:', sys.getrefcount(shared))
n2 = Node(shared)
n3 = Node(shared)
print('shared in three nodes:', sys.getrefcount(shared))
n1.payload = None
print('one attribute rebound:', sys.getrefcount(shared))
del n2.payload
print('one attribute deleted:', sys.getrefcount(shared))
n1.extra = shared
n1.again = shared
print('two more attributes:', sys.getrefcount(shared))
n1.child = n3
print('node n3 as an attribute:', sys.getrefcount(n3))
del n1
print('n1 dropped:', sys.getrefcount(shared), sys.getrefcount(n3))
del n3
print('n3 dropped:', sys.getrefcount(shared))
