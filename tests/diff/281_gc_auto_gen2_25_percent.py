# The 25% rule: an automatic full collection waits until the survivors of
# gen-1 collections reach a quarter of the objects left by the last full one.
import gc
made = 0
freed_at = []
class F:
    def __del__(self):
        if self.name == 'old':
            freed_at.append(made)
def trial(nkeep):
    global made
    gc.disable()
    gc.collect()
    keep = []
    for i in range(nkeep):
        keep.append([])
    old = F()
    old.name = 'old'
    old.me = old
    gc.collect()
    del old
    made = 0
    gc.enable()
    while made < 300:
        f = F()
        f.name = 'x'
        f.me = f
        made += 1
    gc.disable()
    del f
    print('long-lived objects:', nkeep + 2, 'old cycle freed after', freed_at.pop(), 'allocations')
    gc.collect()
gc.disable()
gc.set_threshold(2, 1, 1)
gc.collect()
gc.freeze()
trial(0)
trial(20)
trial(40)
gc.unfreeze()
