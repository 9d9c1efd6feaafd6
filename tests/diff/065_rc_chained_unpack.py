# Chained assignment binds every target to the same object; tuple
# unpacking binds each target to one item.
import sys
a = b = c = []
print(sys.getrefcount(a))
d = e = {}
f = d
print(sys.getrefcount(e))
x, y = a, a
print(sys.getrefcount(a))
p, q = [a, d]
print(sys.getrefcount(a), sys.getrefcount(d))
x, y = y, x
print(sys.getrefcount(a))
x = y = p = q = None
print(sys.getrefcount(a), sys.getrefcount(d))
lst = [0, 0]
lst[0] = lst[1] = a
print(sys.getrefcount(a))
