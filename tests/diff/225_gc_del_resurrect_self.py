# A finalizer that stores self in a global resurrects it: collect returns 0.
# When it becomes garbage again, __del__ is not called a second time.
import gc
gc.disable()
gc.collect()
saved = []
class R:
    def __del__(self):
        print('R.__del__')
        saved.append(self)
r = R()
r.me = r
del r
print('collected', gc.collect(), 'saved', len(saved))
r = saved.pop()
del r
print('collected again', gc.collect(), 'saved', len(saved))
