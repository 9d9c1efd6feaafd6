# Copies of an instance's __dict__: copy() keeps the shared-key layout,
# dict() and update() presize an ordinary dict for the items.
import sys
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3
p = P()
d = p.__dict__
print(sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
e = {}
e.update(d)
print(sys.getsizeof(e), d == e, d.copy() == d)
