# The collection runs inside the allocation that takes the count past the
# threshold, before the new object exists: here inside the 4th list's [].
import gc
log = []
keep = []
labels = ['0', '1', '2', '3', '4', '5']
class F:
    def __del__(self):
        log.append('  __del__ garbage')
gc.disable()
gc.set_threshold(4)
gc.collect()
junk = F()
junk.me = junk
del junk
gc.enable()
for i in range(6):
    log.append('before list ' + labels[i])
    keep.append([])
    log.append('after list ' + labels[i])
gc.disable()
for line in log:
    print(line)
print(len(keep))
