# del removes a name and its reference; the object lives on while other
# references remain.
import sys
a = {'k': 'v'}
b = a
c = [a]
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
del c[0]
print(sys.getrefcount(a), c)
c.append(a)
c.append(a)
print(sys.getrefcount(a))
del c
print(sys.getrefcount(a))
d = {'x': a, 'y': a}
del d['x']
print(sys.getrefcount(a))
del d['y'], d
print(sys.getrefcount(a))
