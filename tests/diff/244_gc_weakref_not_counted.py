# Live weakrefs to garbage are not counted by collect, with or without a
# callback, and whether held by a name or by a live list.
import gc
import weakref
gc.disable()
gc.collect()
class N:
    pass
def cb(r):
    print('callback')
x = N()
x.me = x
w1 = weakref.ref(x)
w2 = weakref.ref(x, cb)
refs = [weakref.ref(x), weakref.ref(x, cb)]
del x
print('collected', gc.collect())
print(w1(), w2(), refs[0](), refs[1]())
