# del removes a name binding, a list item, a dict entry or an attribute;
# several targets can be deleted in one statement.
a = 1
b = 2
c = [10, 20, 30, 40]
d = {'x': 1, 'y': 2, 'z': 3}
del a
print('a deleted, b is', b)
del c[1]
print(c)
del d['y']
print(d)
class Box:
    pass
box = Box()
box.item = 'thing'
box.other = 'other'
del box.item
print(box.other, isinstance(box, Box))
del b, c[0], d['x']
print(c, d)
lst = [[1, 2], [3, 4]]
del lst[0][1]
print(lst)
