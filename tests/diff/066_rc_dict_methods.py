# dict methods and references: get() returns a new reference to the value,
# setdefault() stores one, update() and copy() share the values.
import sys
v = []
d = {'a': v}
print(sys.getrefcount(v))
g = d.get('a')
print('after get:', sys.getrefcount(v))
w = d.setdefault('b', v)
print('after setdefault stored it:', sys.getrefcount(v))
w2 = d.setdefault('b', [])
print('setdefault on an existing key:', sys.getrefcount(v))
e = d.copy()
print('after copy:', sys.getrefcount(v))
f = {}
f.update(d)
print('after update:', sys.getrefcount(v))
vals = list(d.values())
print('list of values:', sys.getrefcount(v))
del g, w, w2, e, f, vals
print('cleaned up:', sys.getrefcount(v))
d.clear()
print('after clear:', sys.getrefcount(v))
