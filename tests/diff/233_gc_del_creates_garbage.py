# A finalizer that creates new cyclic garbage: the new cycle is not part of
# the running collection; the next collection finds it.
import gc
gc.disable()
gc.collect()
class Maker:
    def __del__(self):
        print('Maker.__del__ makes a new cycle')
        l = []
        l.append(l)
m = Maker()
m.me = m
del m
print('first:', gc.collect())
print('second:', gc.collect())
print('third:', gc.collect())
