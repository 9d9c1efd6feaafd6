# Two separate cycles whose members were created alternately: one collection
# finalizes all four in creation order, mixing the cycles.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
a1 = F('a1'); b1 = F('b1'); a2 = F('a2'); b2 = F('b2')
a1.o = a2; a2.o = a1
b1.o = b2; b2.o = b1
del b1, b2
print('cycle b only:', gc.collect())
b1 = F('b1'); b2 = F('b2')
b1.o = b2; b2.o = b1
del a1, a2, b1, b2
print('both cycles:', gc.collect())
