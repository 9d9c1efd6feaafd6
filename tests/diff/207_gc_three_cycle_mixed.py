# A three-object cycle through an instance, a list and a dict: 3 objects.
# Keeping any one member alive keeps the whole cycle.
import gc
gc.disable()
gc.collect()
class Holder:
    pass
h = Holder()
l = [h]
d = {'l': l}
h.d = d
del h, l
print('dict still named:', gc.collect())
del d
print('all names gone:', gc.collect())
h = Holder()
h.items = [{'back': h}]
del h
print('instance -> list -> dict -> instance:', gc.collect())
