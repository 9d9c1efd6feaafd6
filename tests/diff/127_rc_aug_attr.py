# Augmented assignment on an attribute: obj.x += ... loads obj twice; an
# in-place list stays the same object, an int or tuple is replaced.
import sys
class Obj:
    pass
o = Obj()
item = []
o.lst = [item]
keep = o.lst
o.lst += [item, item]
print(sys.getrefcount(item), sys.getrefcount(keep), o.lst is keep)
o.n = 10 ** 20
old = o.n
o.n += 1
print(sys.getrefcount(old), sys.getrefcount(o.n), old is o.n)
o.t = (item,)
oldt = o.t
o.t += (item,)
print(sys.getrefcount(item), sys.getrefcount(oldt), len(o.t))
o.s = 'abc def'
o.s += ' ghi'
print(o.s, sys.getrefcount(o.s))
del keep, oldt
print(sys.getrefcount(item))
