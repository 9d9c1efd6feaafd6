# [x] * n stores n references to the same x; nothing is copied.
import sys
x = {}
a = [x] * 5
print(sys.getrefcount(x))
b = a * 2
print(sys.getrefcount(x))
c = [x, x] * 3
print(sys.getrefcount(x))
a[0] = None
print(sys.getrefcount(x))
del b
print(sys.getrefcount(x))
d = [a] * 4
print(sys.getrefcount(a), sys.getrefcount(x))
del a, c, d
print(sys.getrefcount(x))
