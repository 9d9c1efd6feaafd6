# DEBUG_SAVEALL does not protect weakrefs: they are cleared and their
# callbacks run, although the objects stay alive in gc.garbage.
import gc
import weakref
gc.disable()
gc.collect()
class N:
    pass
def cb(r):
    print('callback')
n = N()
n.me = n
w = weakref.ref(n, cb)
plain = weakref.ref(n)
del n
gc.set_debug(gc.DEBUG_SAVEALL)
print('collected', gc.collect())
print('in gc.garbage:', len(gc.garbage), type(gc.garbage[0]).__name__)
print('weakrefs:', w(), plain())
print('object alive:', gc.garbage[0].me is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print('collected', gc.collect())
