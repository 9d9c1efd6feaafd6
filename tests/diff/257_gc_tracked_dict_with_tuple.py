# A dict holding only a run-time tuple of atomics: collect(0) untracks the tuple, not
# the dict; a full collection untracks the tuple and then the dict in one pass.
import gc
gc.disable()
gc.collect()
x = 4242
d = {'t': (x, 'y')}
print(gc.is_tracked(d), gc.is_tracked(d['t']))
gc.collect(0)
print('collect(0):', gc.is_tracked(d), gc.is_tracked(d['t']))
e = {'t': (x, 'z')}
gc.collect()
print('full:', gc.is_tracked(e), gc.is_tracked(e['t']))
gc.collect()
print('d after full:', gc.is_tracked(d))
