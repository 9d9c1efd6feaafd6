# Gen-0 count deltas for tuples: one free list per length, so a freed 2-tuple
# is reused only by another 2-tuple; constant tuples cost nothing.
import gc
gc.disable()
gc.collect()
gc.get_count()
x = 1000
c = gc.get_count()[0]
t = (x, x)
r1 = gc.get_count()[0] - c
c = gc.get_count()[0]
del t
t = (x, 'y')
r2 = gc.get_count()[0] - c
c = gc.get_count()[0]
del t
t = (x,)
u = (x, x, x, x)
r3 = gc.get_count()[0] - c
c = gc.get_count()[0]
v = (1, 2)
w = ()
r4 = gc.get_count()[0] - c
c = gc.get_count()[0]
del t, u
t = tuple([x, x, x, x])
r5 = gc.get_count()[0] - c
print(r1, r2, r3, r4, r5)
