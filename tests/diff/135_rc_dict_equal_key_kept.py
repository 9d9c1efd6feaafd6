# Storing under a key equal to an existing one keeps the dict's original
# key object; the new key object is not stored.
import sys
k1 = 10 ** 20
k2 = 10 ** 20
d = {k1: 'one'}
print(sys.getrefcount(k1), sys.getrefcount(k2))
d[k2] = 'two'
print(sys.getrefcount(k1), sys.getrefcount(k2), d)
d.update({k2: 'three'})
print(sys.getrefcount(k1), sys.getrefcount(k2))
d.setdefault(k2, 'four')
print(sys.getrefcount(k1), sys.getrefcount(k2))
e = {k2: 'x', k1: 'y'}
print(sys.getrefcount(k1), sys.getrefcount(k2), e)
del d[k2]
print(sys.getrefcount(k1), sys.getrefcount(k2))
s = set()
s.add(k1)
s.add(k2)
print(sys.getrefcount(k1), sys.getrefcount(k2))
