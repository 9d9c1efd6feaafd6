# gc.freeze() moves every tracked object to the permanent generation: a
# frozen cycle that becomes garbage is not collected until gc.unfreeze().
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
a = F('a'); b = F('b')
a.o = b; b.o = a
gc.freeze()
del a, b
print('frozen, collect():', gc.collect())
c = F('c')
c.me = c
del c
print('new cycle after freeze, collect():', gc.collect())
gc.unfreeze()
print('after unfreeze, collect(0):', gc.collect(0))
print('after unfreeze, collect():', gc.collect())
