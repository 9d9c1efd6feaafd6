# del a, b, c deletes the targets from left to right, so the objects are
# freed in that order.
class V:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
a = V('a')
b = V('b')
c = V('c')
del c, a, b
print('names deleted')
lst = [V('l0'), V('l1'), V('l2')]
d = {'x': V('dx'), 'y': V('dy')}
o = V('o')
o.attr = V('o.attr')
del lst[1], d['y'], o.attr, lst[0]
print('items deleted, left:', len(lst), len(d))
del lst, d, o
print('done')
