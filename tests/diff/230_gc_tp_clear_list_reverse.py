# Clearing a cyclic list drops its items from the last to the first: old
# objects p, q, r held only by the list die in the order r, q, p.
import gc
gc.disable()
gc.collect()
class V:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
keep = [V('p'), V('q'), V('r')]
gc.collect()
l = [keep[0], keep[1], keep[2]]
l.append(l)
del keep, l
print('collect(0):', gc.collect(0))
