# gc.get_referents(dict): a dict with only str keys reports just its values;
# any other dict reports each value followed by its key.
import gc
gc.disable()
gc.collect()
def names(objs):
    out = []
    for o in objs:
        out.append(type(o).__name__)
    return out
print(names(gc.get_referents({'a': 1, 'b': [], 'c': 'x'})))
print(names(gc.get_referents({1: 'one', 2: []})))
print(names(gc.get_referents({'a': None, 5: (1,)})))
print(names(gc.get_referents({})))
d = {'k': 1}
d[2] = 'two'
print(names(gc.get_referents(d)))
del d[2]
print(names(gc.get_referents(d)))
