# Lists and dicts in cycles under threshold 7; printing between allocations
# moves the collection points, as in CPython.
import gc
class Tag:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("tag", self.n, "freed")
gc.collect()
gc.set_threshold(7)
for i in range(15):
    l = [Tag(i)]
    l.append(l)
    d = {"t": Tag(100 + i)}
    d["d"] = d
    print(i, len(l), len(d))
l = d = None
print("collected", gc.collect())
