# Young garbage that refers to a live object in an older generation: the old
# object survives (it is not even examined), only the young cycle is counted.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
shared = F('shared')
gc.collect()
a = F('a'); b = F('b')
a.o = b; b.o = a
a.s = shared; b.s = shared
del a, b
print('collect(0):', gc.collect(0))
print(shared.name, 'alive')
shared.me = [shared]
del shared
print('collect():', gc.collect())
