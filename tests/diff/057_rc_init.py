# Calling a class runs __init__: self shows 3 inside it, each argument 5
# (also held by the caller's stack and by the class call's argument tuple).
import sys
class Pair:
    def __init__(self, a, b):
        print('__init__: self', sys.getrefcount(self), 'a', sys.getrefcount(a), 'b', sys.getrefcount(b))
        self.a = a
        self.b = b
    def show(self):
        print('method: self', sys.getrefcount(self), 'a', sys.getrefcount(self.a))
x = []
y = {}
p = Pair(x, y)
print('after: p', sys.getrefcount(p), 'x', sys.getrefcount(x), 'y', sys.getrefcount(y))
p.show()
q = Pair(x, x)
print('after: x', sys.getrefcount(x))
class Empty:
    def __init__(self):
        print('__init__ with no arguments: self', sys.getrefcount(self))
e = Empty()
print('after: e', sys.getrefcount(e))
