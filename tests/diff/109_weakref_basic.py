# A weak reference does not keep its object alive: calling it returns the
# object while it lives and None once it has been freed.
import weakref
class Target:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
t = Target('t')
r = weakref.ref(t)
print(r() is t, r().name)
other = t
del t
print('still alive through other:', r() is other)
other = None
print('after the last strong reference went:', r())
print(r() is None)
u = Target('u')
r2 = weakref.ref(u)
r3 = weakref.ref(u)
print('two plain refs to one object are one weakref:', r2 is r3)
u = None
print(r2(), r3())
