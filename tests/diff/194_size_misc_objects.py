# sys.getsizeof of objects other than containers and numbers: None, bools,
# ranges, functions, bound methods, weakrefs, dict views, builtins.
import sys
import weakref
class C:
    def m(self):
        pass
def f(a, b=1):
    return a
o = C()
d = {1: 2}
print(sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(range(10)))
print(sys.getsizeof(f), sys.getsizeof(o.m), sys.getsizeof(weakref.ref(o)), sys.getsizeof(len))
print(sys.getsizeof(d.keys()), sys.getsizeof(d.values()), sys.getsizeof(d.items()))
print(sys.getsizeof(o), sys.getsizeof(C.m), sys.getsizeof(print), sys.getsizeof(o.__dict__))
