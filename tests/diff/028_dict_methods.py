# dict methods: get, keys, values, items, pop, setdefault, update, clear,
# copy. Dicts keep insertion order.
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0))
d['c'] = 3
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()))
print(d.pop('b'), d)
print(d.pop('zz', 'missing'))
print(d.setdefault('a', 100), d.setdefault('n', []), d)
d.setdefault('n', []).append('x')
print(d)
d.update({'a': 'new', 'e': 5})
print(d)
e = d.copy()
e['f'] = 6
print(len(d), len(e), e is d)
d.clear()
print(d, e)
d['a'] = 1
print(d)
