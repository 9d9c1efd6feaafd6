# Weakrefs without callbacks: those to garbage are dead after the collection,
# those to a cycle that is still reachable stay alive.
import gc
import weakref
gc.disable()
gc.collect()
class N:
    pass
a = N(); b = N()
a.o = b; b.o = a
c = N(); d = N()
c.o = d; d.o = c
ra = weakref.ref(a); rb = weakref.ref(b); rc = weakref.ref(c); rd = weakref.ref(d)
del a, b, d
print('collected', gc.collect())
print(ra() is None, rb() is None, rc() is c, rd() is c.o)
del c
print('collected', gc.collect())
print(rc() is None, rd() is None)
