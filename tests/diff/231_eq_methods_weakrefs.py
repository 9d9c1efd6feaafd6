# == on bound methods compares the instance and the function; == on live
# weakrefs compares their referents, on dead ones identity.
import weakref
class C:
    def m(self):
        pass
    def n(self):
        pass
o = C()
p = C()
m1 = o.m
m2 = o.m
print(m1 == m2, m1 is m2, o.m == o.m, o.m == o.n, o.m == p.m, m1 != m2)
def cb(r):
    pass
w1 = weakref.ref(o)
w2 = weakref.ref(o, cb)
w3 = weakref.ref(p)
print(w1 == w2, w1 is w2, w1 == w3, w1 != w2)
del m1, m2
o = None
print(w1 == w2, w1() is None, w1 == w1)
