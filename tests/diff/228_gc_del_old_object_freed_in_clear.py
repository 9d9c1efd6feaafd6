# A young cycle holding the last reference to an old object: collect(0) skips the old
# object; it dies by refcounting when the cycle is cleared, after the cycle's __del__s.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
old = F('old')
gc.collect()
a = F('a'); b = F('b')
a.o = b; b.o = a
a.keep = old
del old, a, b
print('collect(0):', gc.collect(0))
