# With several finalizable objects in the garbage, every weakref callback
# runs first, then every __del__, each group in creation order.
import gc
import weakref
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
def cb(r):
    print('callback', names[r])
a = F('a'); b = F('b'); c = F('c')
a.o = b; b.o = c; c.o = a
wc = weakref.ref(c, cb)
wa = weakref.ref(a, cb)
wb = weakref.ref(b, cb)
names = {wa: 'a', wb: 'b', wc: 'c'}
del a, b, c
print('collected', gc.collect())
