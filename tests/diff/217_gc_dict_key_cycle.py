# An instance used as a dict key, with the dict stored on the instance: the
# collector sees keys of non-str-keyed dicts, so this is a 2-object cycle.
import gc
gc.disable()
gc.collect()
class Key:
    pass
k = Key()
d = {k: 1}
k.table = d
del k, d
print('instance as key <-> dict:', gc.collect())
k = Key()
d = {1: 'a', k: 'b'}
k.table = d
del d
print('still named:', gc.collect())
del k
print('dropped:', gc.collect())
