# Cycles mixing lists and dicts: a list <-> dict pair is 2 objects, a dict
# keyed by ints that holds a list holding the dict is 2 as well.
import gc
gc.disable()
gc.collect()
l = []
d = {'list': l}
l.append(d)
del l, d
print('list <-> dict:', gc.collect())
d = {}
d[1] = [d, 2, 3]
d[2] = 'two'
del d
print('dict -> list -> dict:', gc.collect())
d1 = {}; d2 = {}
d1['other'] = d2
d2['other'] = d1
del d1, d2
print('two dicts:', gc.collect())
l = [[], [], {}]
l[0].append(l)
del l
print('list with list back-ref, extra empty list and dict:', gc.collect())
