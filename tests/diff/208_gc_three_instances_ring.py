# Rings of 3 and 5 instances: every member is counted once.
import gc
gc.disable()
gc.collect()
class Node:
    pass
a = Node(); b = Node(); c = Node()
a.next = b; b.next = c; c.next = a
del a, b, c
print('ring of 3:', gc.collect())
first = Node()
cur = first
for i in range(4):
    n = Node()
    cur.next = n
    cur = n
cur.next = first
del first, cur, n
print('ring of 5:', gc.collect())
