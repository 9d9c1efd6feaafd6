# With threshold 5 a gen-0 collection runs inside every 6th net allocation.
# The object still named f survives into gen 1, so its __del__ comes later.
import gc
log = []
labels = []
for i in range(14):
    labels.append(str(i))
class F:
    def __del__(self):
        log.append('  __del__ ' + self.name)
gc.disable()
gc.set_threshold(5)
gc.collect()
gc.enable()
for i in range(14):
    f = F()
    f.name = labels[i]
    f.me = f
    log.append('made ' + labels[i])
gc.disable()
del f
for line in log:
    print(line)
print('final collect:', gc.collect())
