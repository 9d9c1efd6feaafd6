# A dict entry holds one reference to its key and one to its value;
# replacing the value or deleting the entry gives them back.
import sys
class Key:
    pass
k = Key()
v = []
d = {k: v}
print('key', sys.getrefcount(k), 'value', sys.getrefcount(v))
d[k] = v
print('same entry stored again:', sys.getrefcount(k), sys.getrefcount(v))
e = {k: k, 'other': v}
print('key and value in a second dict:', sys.getrefcount(k), sys.getrefcount(v))
d[k] = None
print('value replaced:', sys.getrefcount(k), sys.getrefcount(v))
del d[k]
print('entry deleted:', sys.getrefcount(k))
big = len(e) * 10 ** 20
d[big] = 'x'
print('computed big int as key:', sys.getrefcount(big))
x = d.pop(big)
print('after pop:', sys.getrefcount(big))
e.clear()
print('after clear:', sys.getrefcount(k), sys.getrefcount(v))
