# Survivors can change places: objects reachable only through a later object
# are moved behind it by collect(0), which changes the finalization order.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
for drop_names in [False, True]:
    c1 = F('c1'); c2 = F('c2'); h = F('holder')
    h.a = c1; h.b = c2
    if drop_names:
        del c1, c2
    gc.collect(0)
    if not drop_names:
        del c1, c2
    h.me = h
    del h
    print('names dropped before collect(0):', drop_names, gc.collect(1))
