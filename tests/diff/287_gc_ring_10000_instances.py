# A ring of 10,000 instances with __del__: one collection finds all of them
# and finalizes them in creation order.
import gc
gc.disable()
gc.collect()
count = 0
seen = []
class Node:
    def __del__(self):
        global count
        count += 1
        if count <= 3 or count == 10000:
            seen.append(self.i)
first = Node()
first.i = 0
cur = first
for i in range(1, 10000):
    n = Node()
    n.i = i
    cur.next = n
    cur = n
cur.next = first
del first, cur, n
print('collected', gc.collect(), 'finalized', count, 'order sample', seen)
