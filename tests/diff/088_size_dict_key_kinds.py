# A dict keeps compact str-only entries until a non-str key arrives; then
# it is rebuilt with general entries and gets bigger.
import sys
d = {}
d['a'] = 1
d['b'] = 2
print(sys.getsizeof(d))
d[3] = 3
print(sys.getsizeof(d))
del d[3]
print(sys.getsizeof(d))
e = {}
e[1] = 'x'
print(sys.getsizeof(e))
e['s'] = 'y'
print(sys.getsizeof(e))
f = {}
for i in range(5):
    f['s' + str(i)] = i
print(sys.getsizeof(f))
f[(1, 2)] = 'tuple key'
print(sys.getsizeof(f))
