# weakref.ref(o) without a callback is shared: asking again returns the
# same weakref object; a ref with a callback is always a new one.
import sys
import weakref
class Ob:
    pass
def cb(r):
    print('cb')
o = Ob()
w1 = weakref.ref(o)
w2 = weakref.ref(o)
print(w1 is w2, sys.getrefcount(w1))
w3 = weakref.ref(o, cb)
w4 = weakref.ref(o, cb)
print(w3 is w1, w3 is w4, w1() is o, sys.getrefcount(o))
print(w1 is w2)
del w1, w2
w5 = weakref.ref(o)
print(w5 is w3, sys.getrefcount(w5))
del w4
o = None
print(w5(), w3())
