# Classes and bound methods can be weakly referenced; a bound method made
# on the fly dies at once, so its callback runs immediately.
import weakref
class C:
    def m(self):
        return 1
def cb(r):
    print('callback, referent gone:', r() is None)
wc = weakref.ref(C)
print(wc() is C)
o = C()
wm = weakref.ref(o.m, cb)
print('made the method ref', wm() is None)
m = o.m
wm2 = weakref.ref(m, cb)
print(wm2()())
m = None
print('dropped m')
o = None
print('end')
