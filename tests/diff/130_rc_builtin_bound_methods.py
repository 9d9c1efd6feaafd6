# lst.append(x) makes no bound method, m = lst.append makes one that holds the
# list; a function stored on an instance is called without binding.
import sys
lst = []
print(sys.getrefcount(lst))
lst.append(1)
print(sys.getrefcount(lst))
add = lst.append
print(sys.getrefcount(lst), sys.getrefcount(add))
add(2)
d = {}
get = d.get
setd = d.setdefault
print(sys.getrefcount(d), lst, get('k', 'none'), setd('k', [5]), d)
del add, get, setd
print(sys.getrefcount(lst), sys.getrefcount(d))
def helper(x):
    return sys.getrefcount(helper)
class H:
    pass
h = H()
h.fn = helper
print(sys.getrefcount(helper), h.fn(0), helper(0))
