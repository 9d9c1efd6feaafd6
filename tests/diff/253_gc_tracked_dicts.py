# Dicts start untracked and become tracked when a possibly-tracked object
# is stored in them; replacing it does not untrack the dict.
import gc
gc.disable()
gc.collect()
d = {}
print('empty dict:', gc.is_tracked(d))
d['a'] = 1
d['b'] = 'x'
d[3] = None
print('atomic keys and values:', gc.is_tracked(d))
d['c'] = []
print('after storing a list:', gc.is_tracked(d))
d['c'] = 2
print('after replacing it with an int:', gc.is_tracked(d))
e = {'t': (1, 2)}
print('constant tuple value:', gc.is_tracked(e))
e['u'] = (len(d), 'x')
print('run-time tuple value:', gc.is_tracked(e))
f = {'k': {}}
print('empty dict value:', gc.is_tracked(f))
g = {1: 'a'}
g.update({2: []})
print('update with a list:', gc.is_tracked(g))
h = {}
h.setdefault('k', [])
print('setdefault with a list:', gc.is_tracked(h))
