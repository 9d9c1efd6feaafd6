# A cycle that is still reachable from a live list is not garbage: collect
# returns 0 until the holder lets go.
import gc
gc.disable()
gc.collect()
a = []; b = []
a.append(b); b.append(a)
holder = [a]
del a, b
print('held by a list:', gc.collect())
print('held still, after a full collection too:', gc.collect(2))
holder.pop()
print('holder emptied:', gc.collect())
print(len(holder), gc.collect())
