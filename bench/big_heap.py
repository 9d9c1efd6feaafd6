# 100,000 live objects, then a few more lines to step over.  For
# bench/bench_views: one step and a redraw with a big heap.
objs = []
for i in range(100000):
    objs.append(i * 1000003)
total = 0
for k in range(20):
    total = total + len(objs)
print(total)
