# Assigning a new value to an attribute or deleting the attribute frees the
# old value at that moment.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
class Box:
    pass
b = Box()
b.item = Ob('first')
b.item = Ob('second')
print('attribute replaced')
del b.item
print('attribute deleted')
b.item = Ob('third')
b.other = b.item
b.item = None
print('third still held by other')
b = None
print('done')
