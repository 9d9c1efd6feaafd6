# Attributes added after obj.__dict__ was read, by attribute assignment or
# through the dict itself, go into the shared keys: the size stays put.
import sys
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3
p = P()
print(sys.getsizeof(p.__dict__))
p.w = 4
print(sys.getsizeof(p.__dict__))
q = P()
print(sys.getsizeof(q.__dict__))
for i in range(6):
    name = 'extra'
    q.__dict__[name + str(i)] = i
    print(i, sys.getsizeof(q.__dict__))
r = P()
print(sys.getsizeof(r.__dict__), list(r.__dict__))
