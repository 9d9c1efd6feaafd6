# A dict whose keys are all str uses a smaller entry layout; the first
# non-str key converts the whole table, which shows in getsizeof.
import sys
d = {}
for i in range(5):
    d['k' + str(i)] = i
print(sys.getsizeof(d))
d[5] = 5
print(sys.getsizeof(d))
del d[5]
print(sys.getsizeof(d))
e = {'a': 1, 'b': 2}
f = {'a': 1, 2: 2}
print(sys.getsizeof(e), sys.getsizeof(f))
g = {}
for i in range(12):
    g[i] = i
h = {}
for i in range(12):
    h[str(i)] = i
print(sys.getsizeof(g), sys.getsizeof(h))
h[(1, 2)] = 'tuple'
print(sys.getsizeof(h))
m = {1: 'x'}
m['s'] = 'y'
print(sys.getsizeof(m))
