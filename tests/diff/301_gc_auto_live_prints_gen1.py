# Thresholds (5, 2): young collections promote survivors, every third
# collection is a generation-1 one; cycles die where CPython collects them.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("  del", self.name)
gc.collect()
gc.set_threshold(5, 2)
keep = []
for i in range(12):
    a = Node("a" + str(i))
    b = Node("b" + str(i))
    a.peer = b
    b.peer = a
    if i % 4 == 0:
        keep.append(a)
    print("round", i, gc.get_count())
a = b = None
keep = None
print("full", gc.collect())
