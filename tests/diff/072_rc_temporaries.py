# Values on the stack are references too: an item read with x[i], d[k] or
# obj.attr is counted once more while it sits on the stack.
import sys
class Holder:
    pass
h = Holder()
h.thing = []
lst = [h.thing]
d = {'k': h.thing}
print('attribute read:', sys.getrefcount(h.thing))
print('list item read:', sys.getrefcount(lst[0]))
print('dict value read:', sys.getrefcount(d['k']))
print('a list only the stack holds:', sys.getrefcount([]))
print('a list holding the thing twice:', sys.getrefcount([h.thing, h.thing]))
def count(x, container):
    return sys.getrefcount(x)
print('thing while a temporary list holds it twice:', count(h.thing, [h.thing, h.thing]))
print('after the temporary list is gone:', sys.getrefcount(h.thing))
def ident(x):
    return x
print('returned by a function:', sys.getrefcount(ident(h.thing)))
print('new list returned by a function:', sys.getrefcount(ident([])))
