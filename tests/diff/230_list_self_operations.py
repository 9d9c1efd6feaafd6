# A list extended with itself, added to itself, repeated in place and
# inserted into itself: the items it gains are references it already had.
import sys
x = [1000, 2000]
a = [x, 7]
a.extend(a)
print(len(a), sys.getrefcount(x))
a += a
print(len(a), sys.getrefcount(x))
a *= 2
print(len(a), sys.getrefcount(x), sys.getsizeof(a))
a.insert(1, a)
print(len(a), a[1] is a, sys.getrefcount(a))
print(a[2])
a.remove(a)
print(len(a), sys.getrefcount(a))
a.clear()
print(sys.getrefcount(x))
