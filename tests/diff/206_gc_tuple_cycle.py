# A tuple cannot refer to itself directly, but a tuple holding a list that
# holds the tuple is a 2-object cycle; a tuple of atomics inside adds 1.
import gc
gc.disable()
gc.collect()
l = []
t = (l, 1, 'a')
l.append(t)
del l, t
print('tuple <-> list:', gc.collect())
x = 5000
l = []
t = (l, (x, 'b'))
l.append(t)
del l, t
print('tuple <-> list, plus a run-time tuple of atomics:', gc.collect())
a = []
t1 = (a,)
t2 = (t1, t1)
a.append(t2)
del a, t1, t2
print('list -> tuple -> tuple -> list:', gc.collect())
