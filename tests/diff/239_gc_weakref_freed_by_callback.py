# A weakref freed by its own callback (the callback drops the last reference
# to it) is added to collect's result: 1 object + 1 weakref = 2.
import gc
import weakref
gc.disable()
gc.collect()
class W:
    pass
def dropping(r):
    print('callback drops the weakref')
    holder.clear()
def keeping(r):
    print('callback keeps the weakref')
z = W()
z.me = z
holder = [weakref.ref(z, dropping)]
del z
print('collected', gc.collect(), len(holder))
z = W()
z.me = z
holder = [weakref.ref(z, keeping)]
del z
print('collected', gc.collect(), len(holder))
