# A dropped class is cyclic garbage with its dict, __mro__ and __bases__ tuples, its
# __dict__ and __weakref__ getset descriptors and its methods.
import gc
import weakref
gc.disable()
gc.collect()
def make_empty():
    class Empty:
        pass
    return weakref.ref(Empty)
def make_with_method():
    class WithMethod:
        def method(self):
            return 1
    return weakref.ref(WithMethod)
kinds = ['type', 'dict', 'tuple', 'getset_descriptor', 'function']
for make in [make_empty, make_with_method]:
    w = make()
    gc.set_debug(gc.DEBUG_SAVEALL)
    n = gc.collect()
    gc.set_debug(0)
    counts = []
    for k in kinds:
        c = 0
        for o in gc.garbage:
            if type(o).__name__ == k:
                c += 1
        counts.append(c)
    o = None
    gc.garbage.clear()
    print(n, counts, gc.collect(), w())
