# DEBUG_SAVEALL with a ring of 1,000 lists: all 1,000 land in gc.garbage in
# creation order; once released they are collected again.
import gc
gc.disable()
gc.collect()
first = [0]
cur = first
for i in range(1, 1000):
    n = [i]
    cur.append(n)
    cur = n
cur.append(first)
del first, cur, n
gc.set_debug(gc.DEBUG_SAVEALL)
print('collected', gc.collect(), len(gc.garbage))
print(gc.garbage[0][0], gc.garbage[1][0], gc.garbage[999][0])
gc.set_debug(0)
gc.garbage.clear()
print('collected', gc.collect(), len(gc.garbage))
