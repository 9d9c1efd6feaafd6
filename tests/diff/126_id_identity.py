# id() identifies an object for its lifetime: equal ids mean the same object
# (the values themselves are addresses and differ between runs).
import sys
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), (id(a) == id(c)) == (a is c))
before = sys.getrefcount(a)
i = id(a)
print('id() takes no lasting reference:', sys.getrefcount(a) == before)
class K:
    pass
k = K()
same = k
print(id(k) == id(same), isinstance(id(k), int))
lst = [k, k]
print(id(lst[0]) == id(lst[1]), id(lst) == id(k))
d = {'x': lst}
print(id(d['x']) == id(lst))
