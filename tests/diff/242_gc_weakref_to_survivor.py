# A weakref with a callback to an object that survives a collection is left
# alone; it fires only when a later collection finds the object unreachable.
import gc
import weakref
gc.disable()
gc.collect()
class N:
    pass
def cb(r):
    print('callback')
holder = [N()]
holder[0].me = holder[0]
w = weakref.ref(holder[0], cb)
print('collect(0):', gc.collect(0), w() is holder[0])
print('collect(2):', gc.collect(2), w() is holder[0])
holder.clear()
print('collect(0), object now in gen 2:', gc.collect(0), w() is None)
print('collect(2):', gc.collect(2), w() is None)
