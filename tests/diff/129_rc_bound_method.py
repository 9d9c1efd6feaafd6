# m = obj.meth creates a bound-method object that holds obj; obj.meth()
# called directly does not.
import sys
class C:
    def meth(self):
        return sys.getrefcount(self)
obj = C()
print(sys.getrefcount(obj), obj.meth())
m = obj.meth
print(sys.getrefcount(obj), sys.getrefcount(m), m())
m2 = obj.meth
print(sys.getrefcount(obj), m is m2)
methods = [obj.meth, obj.meth]
print(sys.getrefcount(obj))
del m, m2
methods = None
print(sys.getrefcount(obj))
print(sys.getrefcount(C.meth), C.meth(obj))
