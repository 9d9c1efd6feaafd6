# Objects hanging off a cycle (not themselves cyclic) are unreachable too:
# they are finalized in the same pass, in creation order with the cycle.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
kid1 = F('kid1')
a = F('a')
kid2 = F('kid2')
b = F('b')
a.o = b; b.o = a
a.kid = kid1; b.kid = kid2
kid2.grandkid = F('grandkid')
del kid1, kid2, a, b
print('collected', gc.collect())
