# for iterates over lists, tuples, strings (one character at a time) and
# dicts (keys, in insertion order); items() gives (key, value) pairs.
for x in [10, 'twenty', None]:
    print('list item', x)
for x in (1, 2):
    print('tuple item', x)
for ch in 'abc':
    print('char', ch)
d = {'b': 2, 'a': 1, 'c': 3}
for k in d:
    print('key', k, d[k])
for k, v in d.items():
    print('item', k, v)
for v in d.values():
    print('value', v)
for t in [(1, 'one'), (2, 'two')]:
    n, name = t
    print(n, name)
