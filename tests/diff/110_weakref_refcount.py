# weakref.ref adds no strong reference; calling the weakref returns a new
# strong reference, which keeps the object alive while it is held.
import sys
import weakref
class C:
    def __del__(self):
        print('C freed')
c = C()
print(sys.getrefcount(c))
r = weakref.ref(c)
print('after weakref.ref:', sys.getrefcount(c))
r4 = weakref.ref(c)
print('after a second weakref.ref:', sys.getrefcount(c))
strong = r()
print('after strong = r():', sys.getrefcount(c))
print('r() inside the call:', sys.getrefcount(r()))
del c
print('name c deleted, object alive:', r() is strong)
strong = None
print('weakref now dead:', r() is None, r4() is None)
