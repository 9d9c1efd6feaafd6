# An int computed at run time is a new object owned only by its name; the
# same value computed again (n + 0, n * 1) is another object.
import sys
base = 10
n = base ** 30
print(sys.getrefcount(n))
m = n
print(sys.getrefcount(n))
lst = [n, n, n]
print(sys.getrefcount(n))
k = n + 0
print(sys.getrefcount(k), k is n, k == n)
p = n * 1
print(sys.getrefcount(p), p is n)
del lst, m
print(sys.getrefcount(n))
q = 300
r = q + 1
print(sys.getrefcount(r))
r += 1
print(sys.getrefcount(r), r)
