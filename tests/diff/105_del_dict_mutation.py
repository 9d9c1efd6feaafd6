# Overwriting a dict value, pop() and del free the old value at that
# moment; setdefault() on an existing key leaves it alone.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
d = {'a': Ob('a1'), 'b': Ob('b1')}
d['a'] = Ob('a2')
print('overwrote a')
d.pop('b')
print('popped b')
d.setdefault('a', Ob('unused'))
print('setdefault on a')
d.update({'a': Ob('a3'), 'c': Ob('c1')})
print('updated')
del d['c']
print('deleted c')
d.clear()
print('cleared')
