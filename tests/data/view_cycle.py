import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.disable()
x = Node("x")
y = Node("y")
x.other = y
y.other = x
keep = [1, 2]
del x, y
print(gc.collect())
print(keep)
