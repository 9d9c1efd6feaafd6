# A cycle that survives collect(1) moves to generation 2: neither collect(0)
# nor collect(1) finds it once it is garbage, only a full collection does.
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
gc.collect(0)
gc.collect(1)
del a, b
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
print('collect(2):', gc.collect(2))
