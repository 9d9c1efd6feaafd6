# gc.get_debug() reflects gc.set_debug(); DEBUG_SAVEALL is 32, and with the
# flag cleared collected objects are freed, not saved.
import gc
gc.disable()
gc.collect()
print(gc.get_debug(), gc.DEBUG_SAVEALL)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug(), gc.get_debug() == gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect(), len(gc.garbage))
gc.set_debug(0)
print(gc.get_debug())
l = []
l.append(l)
del l
print(gc.collect(), len(gc.garbage))
gc.garbage.clear()
print(gc.collect(), len(gc.garbage))
