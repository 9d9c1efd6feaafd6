# The gen-0 count is net: an object freed by refcounting takes 1 off, so a
# loop of short-lived acyclic instances never triggers a collection.
import gc
log = []
labels = ['0', '1', '2', '3', '4', '5']
class F:
    def __del__(self):
        if self.name != 'temp':
            log.append('  __del__ ' + self.name)
gc.disable()
gc.set_threshold(5)
gc.collect()
junk = F()
junk.name = 'cyclic junk'
junk.me = junk
del junk
gc.enable()
for i in range(200):
    t = F()
    t.name = 'temp'
del t
log.append('200 temporaries done')
for i in range(6):
    k = F()
    k.name = 'cycle ' + labels[i]
    k.me = k
    log.append('made cycle ' + labels[i])
gc.disable()
del k
for line in log:
    print(line)
print('final collect:', gc.collect())
