# __init__ storing its arguments: counts of the argument objects before,
# during and after the store, and once the instance is gone.
import sys
class Box:
    def __init__(self, a, b):
        print('in init', sys.getrefcount(a), sys.getrefcount(b))
        self.a = a
        self.b = b
        self.both = [a, b]
        print('stored', sys.getrefcount(a), sys.getrefcount(b))
x = [1]
y = {'k': 2}
box = Box(x, y)
print('after', sys.getrefcount(x), sys.getrefcount(y))
box2 = Box(y, y)
print('after second', sys.getrefcount(y))
box = None
print('first gone', sys.getrefcount(x), sys.getrefcount(y))
box2 = None
print('second gone', sys.getrefcount(y))
