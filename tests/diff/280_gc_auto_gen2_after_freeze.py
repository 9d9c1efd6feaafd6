# After gc.freeze() the long-lived heap is tiny, so the 25% rule lets an
# automatic full collection run once count2 > 1: it frees the old cycle.
import gc
log = []
labels = []
for i in range(24):
    labels.append(str(i))
class F:
    def __del__(self):
        log.append('  __del__ ' + self.name)
gc.disable()
gc.set_threshold(2, 1, 1)
gc.collect()
gc.freeze()
old = F()
old.name = 'old'
old.me = old
gc.collect()
del old
gc.enable()
for i in range(24):
    f = F()
    f.name = labels[i]
    f.me = f
    log.append('made ' + labels[i])
gc.disable()
del f
for line in log:
    print(line)
print('final collect:', gc.collect())
gc.unfreeze()
