# dict methods with __del__: update() overwriting values, pop() with a
# default, clear() freeing in insertion order, and a dict replaced whole.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
d = {1: Ob('a'), 2: Ob('b'), 3: Ob('c')}
d.update({2: Ob('b2'), 1: Ob('a2'), 4: Ob('d')})
print('updated')
d.update([(3, Ob('c2')), (3, Ob('c3'))])
print('updated from pairs')
d.pop(9, None)
d.pop(1)
print('popped')
x = d.setdefault(5, Ob('e'))
x = None
print('setdefault')
del d[2]
d[2] = Ob('b4')
d.clear()
print('cleared')
d = {'x': Ob('x1'), 'y': Ob('y1')}
d = {'z': Ob('z1')}
print('rebound')
d = None
print('end')
