# Copies keep the tracking state of the source dict even when every value is
# atomic; a full collection untracks source and copies.
import gc
gc.disable()
gc.collect()
d = {'a': [], 'b': 2}
d['a'] = 1
e = d.copy()
f = dict(d)
g = {}
g.update(d)
print(gc.is_tracked(d), gc.is_tracked(e), gc.is_tracked(f), gc.is_tracked(g))
u = {'a': 1, 'b': 2}
print(gc.is_tracked(u), gc.is_tracked(u.copy()), gc.is_tracked(dict(u)))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(e), gc.is_tracked(f), gc.is_tracked(g))
e2 = d.copy()
print('copy of the untracked dict:', gc.is_tracked(e2))
