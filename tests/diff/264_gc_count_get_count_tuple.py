# gc.get_count() reads the counts before it builds its result tuple: after
# a full collection each kept result adds 1, and freed results are reused.
import gc
gc.disable()
gc.collect()
x1 = gc.get_count()
x2 = gc.get_count()
x3 = gc.get_count()
r = [x1[0], x2[0], x3[0]]
del x1, x2, x3
y1 = gc.get_count()
y2 = gc.get_count()
y3 = gc.get_count()
y4 = gc.get_count()
y5 = gc.get_count()
print(r, y1, y2, y3, y4, y5)
