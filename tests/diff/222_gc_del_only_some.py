# A cycle where only some members have __del__: only those print, but every
# member is counted, with or without a finalizer.
import gc
gc.disable()
gc.collect()
class Plain:
    pass
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
p = Plain(); f = F('f'); q = Plain(); g = F('g')
p.n = f; f.n = q; q.n = g; g.n = [p]
del p, f, q, g
print('collected', gc.collect())
