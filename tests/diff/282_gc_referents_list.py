# gc.get_referents(list) returns every item, atomic or not, once per
# occurrence, in reverse list order (list_traverse walks from the end).
import gc
gc.disable()
gc.collect()
inner = [1]
l = [1, 'a', None, inner, inner, (2, 3), {}]
r = gc.get_referents(l)
names = []
for o in r:
    names.append(type(o).__name__)
print(len(r), names)
print(r[2] is inner, r[3] is inner, r[6] == 1)
print(len(gc.get_referents([])))
l.append(l)
print(len(gc.get_referents(l)), gc.get_referents(l)[0] is l)
l.clear()
print(len(gc.get_referents(l)))
