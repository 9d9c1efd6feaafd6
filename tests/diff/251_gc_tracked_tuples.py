# Run-time tuples of atomics are untracked by the first collection they survive;
# constant and empty tuples never are tracked; a tuple holding a list stays tracked.
import gc
gc.disable()
gc.collect()
x = 1000
t = (x, 'abc', None, True)
print('run-time tuple of atomics:', gc.is_tracked(t))
gc.collect(0)
print('after collect(0):', gc.is_tracked(t))
print('constant tuple:', gc.is_tracked((1, 2)))
print('empty tuple:', gc.is_tracked(()))
u = (x, [])
print('tuple with a list:', gc.is_tracked(u))
gc.collect()
print('after a full collection:', gc.is_tracked(u))
u[1].append(1)
gc.collect()
print('list still there:', gc.is_tracked(u))
v = tuple([x, 'a'])
print('tuple() of a list:', gc.is_tracked(v))
gc.collect(1)
print('after collect(1):', gc.is_tracked(v))
