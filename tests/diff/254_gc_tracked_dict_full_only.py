# A dict that holds only atomic values again is untracked only by a full
# collection: collect(0) and collect(1) leave it tracked, collect(2) does not.
import gc
gc.disable()
gc.collect()
d = {'a': [], 'b': 2}
d['a'] = 1
print('start:', gc.is_tracked(d))
gc.collect(0)
print('collect(0):', gc.is_tracked(d))
gc.collect(1)
print('collect(1):', gc.is_tracked(d))
gc.collect(2)
print('collect(2):', gc.is_tracked(d))
d['c'] = [1]
print('list stored again:', gc.is_tracked(d))
gc.collect()
print('full collect with the list still there:', gc.is_tracked(d))
del d['c']
gc.collect()
print('list deleted, full collect:', gc.is_tracked(d))
