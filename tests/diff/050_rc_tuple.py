# A tuple built at run time references its items, and a tuple is an
# object with a refcount of its own.
import sys
a = []
b = {}
t = (a, b, a)
print(sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(t))
u = (t, t)
print(sys.getrefcount(t))
v = t
print(sys.getrefcount(t))
del u
print(sys.getrefcount(t))
w = tuple([a, a])
print(sys.getrefcount(a))
x, y, z = t
print(sys.getrefcount(a), sys.getrefcount(b))
del t, v, w, x, y, z
print(sys.getrefcount(a), sys.getrefcount(b))
