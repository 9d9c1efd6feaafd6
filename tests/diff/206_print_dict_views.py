# Printing dict views and the lists made from them; views follow later
# changes to the dict.
d = {'a': 1, 2: 'two', (3,): [3]}
k = d.keys()
v = d.values()
it = d.items()
print(k)
print(v)
print(it)
d['new'] = None
del d['a']
print(k, len(k))
print(list(v), list(it))
print('new' in k, (2, 'two') in it, 5 in v)
print(tuple(d.keys()), list({}.items()), {}.values())
