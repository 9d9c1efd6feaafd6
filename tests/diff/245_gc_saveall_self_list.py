# With DEBUG_SAVEALL a collected self-list goes to gc.garbage instead of being
# freed; it stays intact until gc.garbage lets go of it.
import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = ['payload']
l.append(l)
del l
print('collected', gc.collect(), 'garbage', len(gc.garbage))
g = gc.garbage[0]
print(type(g).__name__, len(g), g[0], g[1] is g)
del g
gc.set_debug(0)
print('while in gc.garbage:', gc.collect())
gc.garbage.clear()
print('after gc.garbage.clear():', gc.collect(), len(gc.garbage))
