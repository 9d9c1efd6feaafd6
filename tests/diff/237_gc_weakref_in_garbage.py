# A weakref that is itself part of the garbage is cleared without calling
# its callback; the weakref object is counted with the rest of the garbage.
import gc
import weakref
gc.disable()
gc.collect()
class W:
    pass
def cb(r):
    print('callback called')
y = W()
y.me = y
y.wr = weakref.ref(y, cb)
del y
print('weakref to itself, held by itself:', gc.collect())
a = W(); b = W()
a.o = b; b.o = a
a.wr_b = weakref.ref(b, cb)
b.wr_a = weakref.ref(a, cb)
del a, b
print('pair holding weakrefs to each other:', gc.collect())
