# Two instances referring to each other: 2 objects; each materialised
# __dict__ adds one more (3 with one dict read, 4 with both).
import gc
gc.disable()
gc.collect()
class Node:
    pass
a = Node(); b = Node()
a.other = b; b.other = a
del a, b
print('no __dict__ read:', gc.collect())
a = Node(); b = Node()
a.other = b; b.other = a
d = a.__dict__
del d
del a, b
print('one __dict__ read:', gc.collect())
a = Node(); b = Node()
a.other = b; b.other = a
a.__dict__
b.__dict__
del a, b
print('both __dict__ read:', gc.collect())
