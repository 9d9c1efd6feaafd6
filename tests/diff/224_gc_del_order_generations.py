# A full collection appends gen 0 and then gen 1 to gen 2, so a ring whose
# members sit in gen 2 (a), gen 1 (b) and gen 0 (c) is finalized a, c, b.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
a = F('a')
gc.collect()
b = F('b')
gc.collect(0)
c = F('c')
a.n = b; b.n = c; c.n = a
del a, b, c
print('collected', gc.collect())
