# Since PEP 442 cycles with __del__ are collected normally: gc.garbage is a
# plain list that stays empty without DEBUG_SAVEALL.
import gc
gc.disable()
gc.collect()
class F:
    def __del__(self):
        print('__del__')
a = F(); b = F()
a.o = b; b.o = a
del a, b
print(type(gc.garbage).__name__, len(gc.garbage))
print('collected', gc.collect())
print(len(gc.garbage), gc.garbage)
l = []
l.append(l)
del l
print('collected', gc.collect(), len(gc.garbage))
