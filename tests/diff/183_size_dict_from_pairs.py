# dict(...) from a list of pairs inserts one pair at a time; dict(dict) and
# d.copy() copy the table; duplicate keys keep the first key object.
import sys
for n in [0, 1, 5, 6, 10, 11, 21, 22, 43, 44]:
    pairs = []
    for i in range(n):
        pairs.append((i, i * i))
    d = dict(pairs)
    e = dict(d)
    f = d.copy()
    g = {}
    g.update(pairs)
    h = {}
    h.update(d)
    print(n, sys.getsizeof(d), sys.getsizeof(e), sys.getsizeof(f), sys.getsizeof(g), sys.getsizeof(h))
dup = dict([(1, 'a'), (True, 'b'), (1, 'c')])
print(dup, sys.getsizeof(dup))
print(dict([['k', 'v'], ('k2', 'v2')]))
