# Sets have no free list (+1, then -1 when freed); a for loop over a list
# holds a list iterator (+1) only while it runs; dict views count too.
import gc
gc.disable()
gc.collect()
gc.get_count()
c = gc.get_count()[0]
s = {1, 2, 3}
e = set()
r1 = gc.get_count()[0] - c
del s, e
r2 = gc.get_count()[0] - c
l = [1, 2, 3]
c = gc.get_count()[0]
for v in l:
    inside = gc.get_count()[0] - c
r3 = gc.get_count()[0] - c
d = {'a': 1}
c = gc.get_count()[0]
ks = d.keys()
vs = d.values()
r4 = gc.get_count()[0] - c
del ks, vs
r5 = gc.get_count()[0] - c
print(r1, r2, inside, r3, r4, r5)
