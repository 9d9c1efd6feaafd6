# Strings built at run time (concatenation, str(), join, upper, replace)
# are new objects with a refcount of their own.
import sys
n = 12345
s = 'value=' + str(n)
print(sys.getrefcount(s))
t = s
u = [s, s]
print(sys.getrefcount(s))
j = ' '.join(['x', 'y', 'z'])
print(sys.getrefcount(j))
up = j.upper()
print(sys.getrefcount(up))
parts = s.split('=')
print(sys.getrefcount(parts), sys.getrefcount(parts[1]))
r = s.replace('value', 'number')
print(sys.getrefcount(r), r)
d = {s: s}
print(sys.getrefcount(s))
del t, u, d
print(sys.getrefcount(s))
