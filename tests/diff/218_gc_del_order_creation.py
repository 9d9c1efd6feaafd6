# Finalizers of cyclic garbage run in generation-list order: the order in
# which the objects were created (a, b, c), whatever the links are.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
a = F('a'); b = F('b'); c = F('c')
a.next = b; b.next = c; c.next = a
del a, b, c
print('collected', gc.collect())
a = F('a'); b = F('b'); c = F('c')
c.next = b; b.next = a; a.next = c
del c, b, a
print('collected', gc.collect())
