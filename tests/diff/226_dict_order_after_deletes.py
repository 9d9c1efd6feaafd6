# A dict keeps insertion order through deletions, re-insertions, updates
# of existing keys and resizes.
d = {}
for i in range(10):
    d[i] = i
for i in range(0, 10, 2):
    del d[i]
d[0] = 'back'
d[3] = 'updated'
print(d)
for i in range(20, 30):
    d[i] = i
print(list(d.keys()))
d.update({1: 'one', 50: 'fifty'})
d.pop(5)
d.setdefault(5, 'five')
print(d)
e = {'b': 1, 'a': 2}
e.update({'a': 3, 'c': 4})
print(e, {1: 'a', 1: 'b', 2: 'c', 1: 'd'}, dict([(2, 'x'), (1, 'y'), (2, 'z')]))
