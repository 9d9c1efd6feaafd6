# Strings made at run time and used as dict keys or instance attribute
# names through __dict__: the dict or the shared keys hold a reference.
import sys
name = 'attr_' + str(12345)
print(sys.getrefcount(name))
d = {}
d[name] = 1
print(sys.getrefcount(name))
class C:
    pass
c = C()
c.__dict__[name] = 2
print(sys.getrefcount(name), c.__dict__[name])
other = 'attr_' + str(12345)
d[other] = 3
print(sys.getrefcount(name), sys.getrefcount(other), d)
del d[other]
print(sys.getrefcount(name), sys.getrefcount(other))
c = None
print(sys.getrefcount(name))
