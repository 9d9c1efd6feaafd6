# Gen-0 count deltas for instances (no free list): each one adds 1 and each
# freed one subtracts 1, but the count never goes below 0.
import gc
class K:
    pass
old = [K(), K(), K()]
gc.disable()
gc.collect()
gc.get_count()
c = gc.get_count()[0]
a = K(); b = K(); e = K(); f = K(); g = K()
r1 = gc.get_count()[0] - c
c = gc.get_count()[0]
del a, b
r2 = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in range(50):
    tmp = K()
r3 = gc.get_count()[0] - c
print(r1, r2, r3)
gc.collect()
old.clear()
print('3 old instances freed right after a collection:', gc.get_count())
