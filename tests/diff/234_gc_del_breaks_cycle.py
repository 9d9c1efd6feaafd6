# A finalizer that breaks its cycle lets refcounting free both objects during
# the finalizer pass; nothing is left to clear and collect returns 0.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
        self.o = None
a = F('a'); b = F('b')
a.o = b; b.o = a
del a, b
print('collected', gc.collect())
