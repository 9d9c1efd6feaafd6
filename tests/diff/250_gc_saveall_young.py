# Objects saved by DEBUG_SAVEALL during collect(0) move to generation 1:
# once gc.garbage drops them, collect(0) misses them and collect(1) finds them.
import gc
gc.disable()
gc.collect()
a = []; b = []
a.append(b); b.append(a)
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
print('collect(0):', gc.collect(0), len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
print('collect(2):', gc.collect(2))
