# Only full collections empty the free lists: lists freed before collect(0)
# are reused without counting, after gc.collect() new lists count again.
import gc
gc.disable()
gc.collect()
gc.get_count()
t = [[], [], []]
del t
gc.collect(0)
c = gc.get_count()[0]
x = [[], [], []]
r1 = gc.get_count()[0] - c
del x
gc.collect(1)
c = gc.get_count()[0]
x = [[], [], []]
r2 = gc.get_count()[0] - c
del x
gc.collect()
gc.get_count()
c = gc.get_count()[0]
x = [[], [], []]
r3 = gc.get_count()[0] - c
print('after collect(0):', r1, ' after collect(1):', r2, ' after collect():', r3)
