# dict methods with defaults and odd inputs: pop and get with a default,
# setdefault without one, dict() and update() from lists of pairs.
d = {'a': 1}
print(d.get('x'), d.get('x', 0), d.pop('x', 'none'), d.pop('a', 'none'), d)
print(d.setdefault('k'), d, d.setdefault('k', 5), d)
print(dict([[1, 2], (3, 4)]), dict({'z': 1}))
d.update([('x', 'y'), ('p', 'q')])
print(d, list(d.items()), list(d.values()))
e = d.copy()
e.update(e)
print(e == d, len(e))
print(dict([]), dict(()), {}.get(1, [1]))
