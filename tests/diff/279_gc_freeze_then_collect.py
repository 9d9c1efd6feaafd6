# After gc.unfreeze() the objects rejoin generation 2: collect(0) and
# collect(1) do not examine them, a full collection does.
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
gc.freeze()
del l
print('collect():', gc.collect())
gc.unfreeze()
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
print('collect(2):', gc.collect(2))
