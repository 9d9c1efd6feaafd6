# A dict that holds itself as a value is cyclic garbage (1 object); its int
# and str keys and values are not GC objects and are not counted.
import gc
gc.disable()
gc.collect()
d = {}
d['me'] = d
del d
print('self dict:', gc.collect())
d = {1: 'one', 2: 'two'}
d[3] = d
d['again'] = d
print(len(d), gc.is_tracked(d))
del d
print('dict holding itself twice:', gc.collect())
print('nothing left:', gc.collect())
