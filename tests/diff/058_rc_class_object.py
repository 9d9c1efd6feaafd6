# A class at module level shows 5, and every instance holds a reference to
# its class, so the count rises by one per live instance.
import sys
class Plain:
    pass
print('class alone:', sys.getrefcount(Plain))
a = Plain()
print('one instance:', sys.getrefcount(Plain))
b = Plain()
c = Plain()
print('three instances:', sys.getrefcount(Plain))
del a
print('two instances:', sys.getrefcount(Plain))
lst = [Plain(), Plain()]
print('four instances:', sys.getrefcount(Plain))
lst = None
b = c = None
print('no instances:', sys.getrefcount(Plain))
K = Plain
print('class bound to a second name:', sys.getrefcount(Plain))
class WithMethods:
    x = 1
    def m(self):
        return sys.getrefcount(WithMethods)
w = WithMethods()
print('class with methods and one instance:', sys.getrefcount(WithMethods), w.m())
