# gc.get_referents(instance): its attribute values in insertion order, then
# its class; once __dict__ is materialised, the dict instead of the values.
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
k = K()
print(names(gc.get_referents(k)))
k.b = 'text'
k.a = 5
k.c = [k]
print(names(gc.get_referents(k)))
print(gc.get_referents(k)[3] is K)
k.__dict__
print(names(gc.get_referents(k)))
print(gc.get_referents(k)[0] is k.__dict__)
del k.c[0]
