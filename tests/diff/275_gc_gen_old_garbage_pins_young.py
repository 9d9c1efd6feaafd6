# Young objects referenced from older garbage look externally referenced to
# collect(0), so they survive it; collect(1) takes old and young together.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
old = F('old')
old.me = old
gc.collect(0)
young = F('young')
young.me = young
old.child = young
del old, young
print('collect(0):', gc.collect(0))
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
