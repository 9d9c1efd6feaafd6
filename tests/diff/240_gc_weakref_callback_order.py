# Callbacks for cyclic garbage run in the order of the garbage (creation
# order), and for one object its callback weakrefs newest first.
import gc
import weakref
gc.disable()
gc.collect()
class N:
    def __init__(self, name):
        self.name = name
def cb_b(r):
    print('callback for b')
def cb_a1(r):
    print('callback for a, first weakref')
def cb_a2(r):
    print('callback for a, second weakref')
a = N('a'); b = N('b')
a.o = b; b.o = a
wb = weakref.ref(b, cb_b)
wa1 = weakref.ref(a, cb_a1)
wa2 = weakref.ref(a, cb_a2)
del a, b
print('collected', gc.collect())
