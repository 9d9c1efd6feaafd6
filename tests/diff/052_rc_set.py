# A set holds one reference per element; adding an equal element again
# changes nothing.
import sys
class Item:
    pass
a = Item()
b = Item()
s = {a, b}
print(sys.getrefcount(a), sys.getrefcount(b))
t = {a, a, a}
print(sys.getrefcount(a), len(t))
u = set([a, b, a])
print(sys.getrefcount(a), sys.getrefcount(b), len(u))
print(a in s, a in t)
del s
print(sys.getrefcount(a), sys.getrefcount(b))
t = None
u = set()
print(sys.getrefcount(a), sys.getrefcount(b))
