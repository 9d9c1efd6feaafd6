# Created in the order c, b, a, the same 3-cycle is finalized c, b, a: the
# order follows creation, not names, links or the order of del.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
c = F('c'); b = F('b'); a = F('a')
a.next = b; b.next = c; c.next = a
del a, b, c
print('collected', gc.collect())
objs = []
for name in ['z', 'y', 'x', 'w']:
    objs.append(F(name))
objs[0].ring = objs
objs.reverse()
del objs
print('collected', gc.collect())
