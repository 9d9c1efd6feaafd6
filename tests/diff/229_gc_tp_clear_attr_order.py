# Clearing a cyclic instance releases its attributes in insertion order:
# old values named v3, v1, v2 stored as a.x, a.y, a.z die in that order.
import gc
gc.disable()
gc.collect()
class V:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
class Node:
    pass
v1 = V('v1'); v2 = V('v2'); v3 = V('v3')
gc.collect()
a = Node()
a.me = a
a.x = v3; a.y = v1; a.z = v2
del v1, v2, v3
del a
print('collect(0):', gc.collect(0))
