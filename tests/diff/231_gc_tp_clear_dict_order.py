# Clearing a cyclic dict drops its values in insertion order: old objects
# stored under 'c', 'a', 'b' die in that order.
import gc
gc.disable()
gc.collect()
class V:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
keep = [V('for c'), V('for a'), V('for b')]
gc.collect()
d = {}
d['c'] = keep[0]
d['a'] = keep[1]
d['b'] = keep[2]
d['self'] = d
del keep, d
print('collect(0):', gc.collect(0))
