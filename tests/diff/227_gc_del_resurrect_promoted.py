# A resurrected object moves to the next generation: once garbage again,
# collect(0) no longer sees it but collect(1) does.
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
print('collect(0):', gc.collect(0), len(saved))
saved.clear()
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
