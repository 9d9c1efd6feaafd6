# Exercises every kind of machine event, for the history tests.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


class Bad:
    def __del__(self):
        return 1 // 0


a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collected", gc.collect())
deep = []
for i in range(120):
    deep = [deep]
del deep
t = (1, 2)
x = [t, {"k": 1}]
gc.collect()
Bad()
xs = []
for i in range(20):
    xs.append(i)
print(len(xs))
xs.pop()
gc.disable()
gc.enable()
print(len(xs))
first, last = xs[0], xs[-1]
print(first, last)

class Ring:
    pass


ring = Ring()
ring.me = ring
ring_ref = weakref.ref(ring)
del ring
gc.collect()
print(ring_ref() is None)
