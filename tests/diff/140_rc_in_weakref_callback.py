# Inside a weakref callback the weakref object is alive and passed in; the
# referent is already gone.
import sys
import weakref
class Ob:
    pass
def cb(ref):
    print('callback', sys.getrefcount(ref), ref() is None, ref is w)
o = Ob()
w = weakref.ref(o, cb)
print(sys.getrefcount(w), sys.getrefcount(o))
o = None
print('after', sys.getrefcount(w))
keep = []
def cb2(ref):
    keep.append(ref)
    print('cb2', sys.getrefcount(ref))
p = Ob()
weakref.ref(p, cb2)
w2 = weakref.ref(p, cb2)
p = None
print(len(keep), sys.getrefcount(keep[0]), keep[0] is w2)
