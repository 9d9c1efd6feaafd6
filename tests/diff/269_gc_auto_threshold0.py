# A gen-0 threshold of 0 turns automatic collection off even though the
# collector stays enabled; explicit gc.collect() still works.
import gc
log = []
class F:
    def __del__(self):
        log.append(self.name)
gc.disable()
gc.set_threshold(0)
gc.collect()
gc.enable()
for i in range(1000):
    f = F()
    f.name = i
    f.me = f
del f
log.append('loop done')
gc.disable()
print(gc.isenabled(), gc.get_threshold(), len(log), log[0])
print('explicit collect:', gc.collect(), len(log), log[1], log[1000])
