# DEBUG_SAVEALL keeps the whole cycle in gc.garbage in collection order:
# two instances and the one materialised __dict__; links stay intact.
import gc
gc.disable()
gc.collect()
class Node:
    pass
a = Node(); b = Node()
a.o = b; b.o = a
a.__dict__
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
print('collected', gc.collect())
for x in gc.garbage:
    print(type(x).__name__)
print(gc.garbage[0].o is gc.garbage[1], gc.garbage[1].o is gc.garbage[0])
print(gc.garbage[2] is gc.garbage[0].__dict__)
del x
gc.set_debug(0)
gc.garbage.clear()
print('collected', gc.collect())
