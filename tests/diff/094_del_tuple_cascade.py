# Freeing a tuple also drops its items from the last to the first.
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
t = (Item('a'), Item('b'), Item('c'))
print('dropping the tuple')
del t
print('tuple gone')
pair = (Item('x'), (Item('y1'), Item('y2')), Item('z'))
print('dropping nested tuples')
pair = 0
print('done')
