# Thresholds (3, 2): every 4th automatic collection is a gen-1 collection,
# which also finds the objects earlier gen-0 collections promoted.
import gc
log = []
labels = []
for i in range(22):
    labels.append(str(i))
class F:
    def __del__(self):
        log.append('  __del__ ' + self.name)
gc.disable()
gc.set_threshold(3, 2)
gc.collect()
gc.enable()
for i in range(22):
    f = F()
    f.name = labels[i]
    f.me = f
    log.append('made ' + labels[i])
gc.disable()
del f
for line in log:
    print(line)
print(gc.get_threshold())
print('final collect:', gc.collect())
