# A new object bound to one name has refcount 1; sys.getrefcount shows 2
# because its own argument is one more reference.
import sys
lst = [1, 2, 3]
print(sys.getrefcount(lst))
d = {'a': 1}
print(sys.getrefcount(d))
t = tuple(lst)
print(sys.getrefcount(t))
class Thing:
    pass
obj = Thing()
print(sys.getrefcount(obj))
s = 'x' + str(12345)
print(sys.getrefcount(s))
n = len(lst) * 1000003
print(sys.getrefcount(n))
print(sys.getrefcount([]), sys.getrefcount({}))
