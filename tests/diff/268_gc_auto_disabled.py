# While the collector is disabled the count keeps growing past the
# threshold; the first allocation after gc.enable() triggers a collection.
import gc
log = []
labels = ['0', '1', '2', '3', '4', '5']
class F:
    def __del__(self):
        log.append('  __del__ ' + self.name)
gc.disable()
gc.set_threshold(3)
gc.collect()
for i in range(6):
    f = F()
    f.name = labels[i]
    f.me = f
del f
c = gc.get_count()[0]
log.append('enabling')
gc.enable()
g = F()
g.name = 'g'
log.append('made g')
gc.disable()
for line in log:
    print(line)
print('count while disabled:', c)
print(gc.isenabled(), 'final collect:', gc.collect())
del g
