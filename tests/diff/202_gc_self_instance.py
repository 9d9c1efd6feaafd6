# An instance whose attribute refers to itself: 1 object while its attributes
# live in the inline values array, 2 once __dict__ has been materialised.
import gc
gc.disable()
gc.collect()
class Node:
    pass
a = Node()
a.me = a
a.value = 42
del a
print('self instance:', gc.collect())
a = Node()
a.me = a
a.__dict__
del a
print('self instance, __dict__ read:', gc.collect())
a = Node()
a.__dict__
a.me = a
del a
print('__dict__ read before the cycle:', gc.collect())
