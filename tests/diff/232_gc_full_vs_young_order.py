# The same attribute values die in creation order when they are young too:
# they are then part of the garbage and are finalized before any clearing.
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
a = Node()
a.me = a
a.x = v3; a.y = v1; a.z = v2
del v1, v2, v3, a
print('young values, collect(0):', gc.collect(0))
