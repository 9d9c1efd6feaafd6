# print(type(x)) for many kinds of objects, and type(...) of types.
import sys
import weakref
class C:
    def m(self):
        pass
def f():
    pass
o = C()
d = {1: 2}
vals = [1, 10 ** 30, True, None, 'x', [], (), {}, set(), range(3), f, C, o, o.m, C.m, len, [].append, sys, weakref.ref(o), d.keys(), d.values(), d.items(), type, sys.getrefcount, print]
for v in vals:
    print(type(v))
print(type(type(o)), type(type(type)), type(C) is type, type(o) is C)
print(C, type, int, str, list, dict, tuple, set, bool, len, print)
