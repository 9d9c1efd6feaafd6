# A __del__ that prints other objects' refcounts: the object being freed
# still holds its attributes while __del__ runs.
import sys
shared = [0]
class Ob:
    def __init__(self, name):
        self.name = name
        self.ref = shared
    def __del__(self):
        print(self.name, sys.getrefcount(shared), sys.getrefcount(self.ref))
a = Ob('a')
b = Ob('b')
c = Ob('c')
print(sys.getrefcount(shared))
lst = [a, b, c]
del a, b, c
lst = None
print(sys.getrefcount(shared))
