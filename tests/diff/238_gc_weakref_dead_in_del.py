# Weakrefs to every object of the garbage are cleared before any finalizer
# runs, so inside __del__ both the own and the partner's weakref are dead.
import gc
import weakref
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name, refs['a'](), refs['b'](), self.o.name)
a = F('a'); b = F('b')
a.o = b; b.o = a
refs = {'a': weakref.ref(a), 'b': weakref.ref(b)}
del a, b
print(refs['a']().name, refs['b']().name)
print('collected', gc.collect())
print(refs['a'](), refs['b']())
