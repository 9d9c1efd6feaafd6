# list.copy(), list(x) and + make new lists that share the items: each new
# slot is one more reference; clear() gives them all back.
import sys
item = {}
a = [item, item]
print(sys.getrefcount(item))
b = a.copy()
print(sys.getrefcount(item), sys.getrefcount(a), sys.getrefcount(b))
c = list(a)
print(sys.getrefcount(item))
d = a + b
print(sys.getrefcount(item))
e = [item] * 3
print(sys.getrefcount(item))
b.clear()
d.clear()
print(sys.getrefcount(item))
a.reverse()
print(sys.getrefcount(item))
del a, c, e
print(sys.getrefcount(item))
