# Objects referenced from class attributes: the class dict holds one
# reference, reading through an instance finds the same object.
import sys
shared = []
class Config:
    items = shared
    table = {'k': shared}
    def add(self, x):
        self.items.append(x)
print(sys.getrefcount(shared))
c1 = Config()
c2 = Config()
print(sys.getrefcount(shared), c1.items is c2.items)
c1.add(5)
print(Config.items, sys.getrefcount(Config.items))
c1.items = [9]
print(sys.getrefcount(shared), c1.items, c2.items)
Config.items = None
print(sys.getrefcount(shared))
del Config.table
print(sys.getrefcount(shared))
