# A chain of 10,000 instances hanging off one self-referencing instance: all
# are unreachable, so all are counted and finalized in creation order.
import gc
gc.disable()
gc.collect()
count = 0
seen = []
class Node:
    def __del__(self):
        global count
        count += 1
        if count <= 2 or count == 10001:
            seen.append(self.i)
root = Node()
root.i = 'root'
root.me = root
cur = root
for i in range(10000):
    n = Node()
    n.i = i
    cur.next = n
    cur = n
del cur, n, root
print('collected', gc.collect(), 'finalized', count, seen)
