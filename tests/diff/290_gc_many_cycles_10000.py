# 10,000 separate two-instance cycles: 20,000 objects in one collection;
# a global counter shows every __del__ ran exactly once.
import gc
gc.disable()
gc.collect()
count = 0
class Node:
    def __del__(self):
        global count
        count += 1
for i in range(10000):
    a = Node(); b = Node()
    a.o = b; b.o = a
del a, b
print('collected', gc.collect(), 'finalized', count)
print('collected', gc.collect(), 'finalized', count)
