# After obj.__dict__ has been read the instance owns a real dict; freeing
# the instance still frees the attributes in attribute order.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
class Holder:
    def __init__(self):
        self.a = Ob('a')
        self.b = Ob('b')
        self.c = Ob('c')
h = Holder()
print(list(h.__dict__.keys()))
h.d = Ob('d')
h.__dict__['e'] = Ob('e')
del h.b
print('deleted b')
h = None
print('freed holder')
h2 = Holder()
h2.__dict__
h2.a = Ob('a2')
h2 = None
print('end')
