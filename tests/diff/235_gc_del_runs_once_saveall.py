# PEP 442: __del__ runs at most once per object, even when the object is kept
# by DEBUG_SAVEALL and found again by a later collection.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
a = F('a'); b = F('b')
a.o = b; b.o = a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
print('saved:', gc.collect(), len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print('collected:', gc.collect(), len(gc.garbage))
