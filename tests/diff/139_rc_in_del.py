# Inside __del__, self is being destroyed: the counts it sees for itself
# and for the objects it refers to.
import sys
class Ob:
    def __init__(self, name, other):
        self.name = name
        self.other = other
    def __del__(self):
        print('del', self.name, sys.getrefcount(self), sys.getrefcount(self.other))
shared = [1]
a = Ob('a', shared)
b = Ob('b', shared)
print(sys.getrefcount(shared))
a = None
print(sys.getrefcount(shared))
c = Ob('c', b)
b = None
print('dropping c')
c = None
print(sys.getrefcount(shared))
