# gc.collect() returns 0 when there is nothing to collect, and a second
# collection right after a successful one finds nothing more.
import gc
gc.disable()
gc.collect()
print('empty:', gc.collect(), gc.collect(0), gc.collect(1), gc.collect(2))
a = [1]
a.append(a)
del a
print('first:', gc.collect())
print('second:', gc.collect())
x = [1, 2, 3]
del x
print('acyclic list freed by refcount, nothing for gc:', gc.collect())
