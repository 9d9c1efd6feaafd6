# Untracked containers in cyclic garbage are freed with it but not counted: dicts
# of atomics, {}, constant tuples, run-time tuples untracked by collect(0).
import gc
gc.disable()
gc.collect()
l = [{'a': 1}, {}, (1, 2)]
l.append(l)
del l
print('self list with untracked dicts and a constant tuple:', gc.collect())
x = 777
l = [(x, 'y')]
print(gc.is_tracked(l[0]))
l.append(l)
del l
print('same list with a tracked tuple:', gc.collect())
l = [(x, 'y')]
gc.collect(0)
print(gc.is_tracked(l[0]))
l.append(l)
del l
print('tuple untracked before it became garbage:', gc.collect())
