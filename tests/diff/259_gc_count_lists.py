# Gen-0 count deltas for lists: new lists add 1, deleted ones go to the list
# free list (80 at most) without changing the count, and reused ones add 0.
import gc
gc.disable()
gc.collect()
gc.get_count()
c = gc.get_count()[0]
a = []; b = [1, 2]; e = [a, b]
r1 = gc.get_count()[0] - c
c = gc.get_count()[0]
del a, b, e
r2 = gc.get_count()[0] - c
c = gc.get_count()[0]
f = []; g = []; h = []; i = []
r3 = gc.get_count()[0] - c
print('3 new:', r1, ' 3 deleted:', r2, ' 4 made, 3 reused:', r3)
del f, g, h, i
c = gc.get_count()[0]
keep = []
for n in range(100):
    keep.append([])
r1 = gc.get_count()[0] - c
c = gc.get_count()[0]
del keep
r2 = gc.get_count()[0] - c
c = gc.get_count()[0]
keep = [[], [], [], [], []]
r3 = gc.get_count()[0] - c
print('101 made:', r1, ' 101 deleted:', r2, ' 6 reused:', r3)
