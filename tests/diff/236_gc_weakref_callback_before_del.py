# For cyclic garbage, weakref callbacks run before __del__: the callback gets
# the dead weakref, and inside __del__ the weakref is already cleared.
import gc
import weakref
gc.disable()
gc.collect()
class A:
    def __del__(self):
        print('__del__ sees wr() ->', wr())
def cb(r):
    print('callback: r is wr', r is wr, 'r() ->', r())
a = A()
a.me = a
wr = weakref.ref(a, cb)
print('before:', wr() is a)
del a
print('collected', gc.collect())
print('after:', wr())
