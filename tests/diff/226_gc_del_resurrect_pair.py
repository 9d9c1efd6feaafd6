# One member of a 2-cycle resurrects itself in __del__: the other member is
# reachable from it, so neither is collected; later both go, no __del__.
import gc
gc.disable()
gc.collect()
saved = []
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
        if self.name == 'a':
            saved.append(self)
a = F('a'); b = F('b')
a.o = b; b.o = a
del a, b
print('collected', gc.collect())
print(saved[0].name, saved[0].o.name, saved[0].o.o is saved[0])
saved.clear()
print('collected', gc.collect())
