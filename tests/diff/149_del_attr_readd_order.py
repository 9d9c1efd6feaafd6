# An attribute deleted and set again is listed last in __dict__, but it
# returns to its shared-key slot, so freeing the instance frees it first.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
class C:
    def __init__(self, tag):
        self.a = Ob(tag + 'a')
        self.b = Ob(tag + 'b')
        self.c = Ob(tag + 'c')
x = C('x')
del x.a
x.a = Ob('xa2')
print(list(x.__dict__))
x = None
print('x gone')
y = C('y')
del y.b
y.b = Ob('yb2')
y = None
print('end')
