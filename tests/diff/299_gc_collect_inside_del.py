# gc.collect() called while a collection is running (from __del__ or a
# weakref callback) does nothing and returns 0.
import gc
import weakref
gc.disable()
gc.collect()
class F:
    def __del__(self):
        print('__del__ calls gc.collect() ->', gc.collect())
def cb(r):
    print('callback calls gc.collect() ->', gc.collect())
a = F()
a.me = a
w = weakref.ref(a, cb)
junk = []
junk.append(junk)
del a, junk
print('outer collect:', gc.collect())
print('nothing left:', gc.collect())
