# An instance is 56 bytes whatever its attributes; its attribute values live
# in a separate array, seen in the size of obj.__dict__.
import sys
class Empty:
    pass
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
e = Empty()
p = Point(1, 2)
print(sys.getsizeof(e), sys.getsizeof(p))
p.z = 3
p.label = 'a label'
print(sys.getsizeof(p))
print(sys.getsizeof(p.__dict__), p.__dict__)
q = Point(3, 4)
print(sys.getsizeof(q.__dict__), q.__dict__)
e.a = 1
print(sys.getsizeof(e), sys.getsizeof(e.__dict__))
r = Point([], {})
print(sys.getsizeof(r), len(r.__dict__))
