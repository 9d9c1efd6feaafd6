# pop() hands the list's reference to the caller; remove() and del drop it.
import sys
x = []
y = []
lst = [x, y, x]
print(sys.getrefcount(x), sys.getrefcount(y))
p = lst.pop()
print('popped and bound:', sys.getrefcount(x))
lst.pop()
print('popped and discarded:', sys.getrefcount(y))
lst.append(y)
lst.remove(x)
print('removed:', sys.getrefcount(x), lst == [y])
del lst[0]
print('del lst[0]:', sys.getrefcount(y))
d = {'k': x}
v = d.pop('k')
print('dict pop bound:', sys.getrefcount(x))
d['k'] = y
d.pop('k')
print('dict pop discarded:', sys.getrefcount(y))
