# Hidden argument tuples: str(), int(), class calls, gc.set_threshold, get_referents and
# weakref.ref pack their arguments (counted when no tuple is free); len(), repr() don't.
import gc
import weakref
class K:
    def __init__(self, v):
        self.v = v
def f(a, b):
    return a
r = []
gc.disable()
gc.collect()
gc.get_count()
c = gc.get_count()[0]
s = str(5)
r.append(gc.get_count()[0] - c)
c = gc.get_count()[0]
s = str(6); n = int('7'); k = K(1)
r.append(gc.get_count()[0] - c)
gc.collect()
gc.get_count()
c = gc.get_count()[0]
n = len('abc') + f(1, 2); s = repr(5)
r.append(gc.get_count()[0] - c)
c = gc.get_count()[0]
k2 = K(2)
r.append(gc.get_count()[0] - c)
for what in ['set_threshold', 'get_referents', 'weakref.ref']:
    gc.collect()
    gc.get_count()
    c = gc.get_count()[0]
    if what == 'set_threshold':
        gc.set_threshold(700)
    elif what == 'get_referents':
        gc.get_referents(k)
    else:
        w = weakref.ref(k)
    r.append(gc.get_count()[0] - c)
print(r)
