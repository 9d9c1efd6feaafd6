# Methods that return self: chaining keeps the object on the stack between
# calls, and each returned reference is counted.
import sys
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        print('add', sys.getrefcount(self))
        return self
    def count(self):
        return sys.getrefcount(self)
b = Builder()
print(b.add(1).add(2).count())
print(sys.getrefcount(b.add(3)))
same = b.add(4)
print(same is b, sys.getrefcount(b))
print(Builder().add(5).add(6).count())
same = None
print(sys.getrefcount(b), len(b.parts))
