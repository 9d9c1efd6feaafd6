# update() with a bigger dict resizes once up front for the sum of both
# sizes, even when the keys overlap; a list of pairs inserts one by one.
import sys
big = {}
for i in range(12):
    big[i] = i
for start in [0, 3, 6]:
    d = {}
    for i in range(start):
        d[100 + i] = i
    before = sys.getsizeof(d)
    d.update(big)
    e = {}
    for i in range(start):
        e[i] = i
    e.update(big)
    f = {}
    for i in range(start):
        f[100 + i] = i
    f.update(list(big.items()))
    print(start, before, sys.getsizeof(d), sys.getsizeof(e), sys.getsizeof(f))
holes = {}
for i in range(20):
    holes[i] = i
for i in range(8):
    del holes[i]
print(sys.getsizeof(holes), sys.getsizeof(dict(holes)), sys.getsizeof(holes.copy()))
g = {}
g.update(holes)
print(sys.getsizeof(g))
