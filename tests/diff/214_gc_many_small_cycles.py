# Many independent cycles are found by one collection: 100 self-lists,
# then 50 two-instance cycles (100 objects), then 30 self-dicts.
import gc
gc.disable()
gc.collect()
class Node:
    pass
for i in range(100):
    l = [i]
    l.append(l)
del l
print('100 self-lists:', gc.collect())
for i in range(50):
    a = Node(); b = Node()
    a.o = b; b.o = a
del a, b
print('50 instance pairs:', gc.collect())
for i in range(30):
    d = {'i': i}
    d['self'] = d
del d
print('30 self-dicts:', gc.collect())
