# {} reuses the dict free list, dict() and list() always allocate a new GC object;
# freeing any of them refills the free lists and leaves the count alone.
import gc
gc.disable()
gc.collect()
gc.get_count()
c = gc.get_count()[0]
d1 = {}; d2 = {'a': 1}
r1 = gc.get_count()[0] - c
c = gc.get_count()[0]
del d1, d2
r2 = gc.get_count()[0] - c
c = gc.get_count()[0]
d3 = {}; d4 = {'b': 2}
r3 = gc.get_count()[0] - c
c = gc.get_count()[0]
d5 = dict(); d6 = dict()
r4 = gc.get_count()[0] - c
c = gc.get_count()[0]
del d5, d6
r5 = gc.get_count()[0] - c
c = gc.get_count()[0]
l1 = list(); l2 = list()
del l1, l2
l3 = []; l4 = []
r6 = gc.get_count()[0] - c
print(r1, r2, r3, r4, r5, r6)
