# A cycle reachable from a live instance's attribute survives collections;
# deleting the attribute makes it garbage.
import gc
gc.disable()
gc.collect()
class Owner:
    pass
class Node:
    pass
o = Owner()
n1 = Node(); n2 = Node()
n1.peer = n2; n2.peer = n1
o.child = n1
del n1, n2
print('reachable via o.child:', gc.collect(), gc.collect(0), gc.collect(1))
del o.child
print('after del o.child:', gc.collect())
o.child = Node()
o.child.back = o
del o
print('owner <-> child:', gc.collect())
