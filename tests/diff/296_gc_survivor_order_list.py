# A list is traversed from its last item to its first, so items rescued
# through it by collect(0) end up in reverse order: finalized c3, c2, c1.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
c1 = F('c1'); c2 = F('c2'); c3 = F('c3')
box = F('box')
box.items = [c1, c2, c3]
del c1, c2, c3
gc.collect(0)
box.me = box
del box
print('collect(1):', gc.collect(1))
