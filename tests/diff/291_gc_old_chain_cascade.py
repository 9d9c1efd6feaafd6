# A young cycle (an instance plus the __dict__ its new attributes needed) holds an old
# chain of 10,000: collect(0) counts 2, and the chain dies by refcounting in order.
import gc
gc.disable()
gc.collect()
count = 0
seen = []
class Node:
    def __del__(self):
        global count
        count += 1
        if count <= 3 or count == 10001:
            seen.append(self.i)
head = Node()
head.i = 0
cur = head
for i in range(1, 10000):
    n = Node()
    n.i = i
    cur.next = n
    cur = n
del cur, n
gc.collect()
c = Node()
c.i = 'cycle'
c.me = c
c.chain = head
del head, c
print('collect(0):', gc.collect(0), 'finalized', count, seen)
