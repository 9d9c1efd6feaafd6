# A weakref with a callback holds a strong reference to the callback until
# the referent dies; the same callback may serve several weakrefs.
import sys
import weakref
class Ob:
    pass
def cb(r):
    print('cb', sys.getrefcount(cb))
print(sys.getrefcount(cb))
a = Ob()
b = Ob()
wa = weakref.ref(a, cb)
wb = weakref.ref(b, cb)
wa2 = weakref.ref(a, cb)
print(sys.getrefcount(cb))
a = None
print(sys.getrefcount(cb))
wb = None
print(sys.getrefcount(cb))
b = None
print(sys.getrefcount(cb), wa(), wa2())
