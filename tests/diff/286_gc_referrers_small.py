# gc.get_referrers(x) lists the tracked containers that refer to x, youngest
# generation first; a function's local variables are not containers.
import gc
gc.disable()
gc.collect()
class K:
    pass
def names(objs):
    out = []
    for o in objs:
        out.append(type(o).__name__)
    return out
def probe():
    x = K()
    print(names(gc.get_referrers(x)))
    a = [x]
    d = {'k': x}
    t = (x, 1)
    holder = K()
    holder.ref = x
    print(names(gc.get_referrers(x)))
    gc.collect(0)
    again = [x]
    print(names(gc.get_referrers(x)))
    a.clear()
    print(names(gc.get_referrers(x)))
probe()
