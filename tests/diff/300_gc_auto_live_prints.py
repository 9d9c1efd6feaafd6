# Automatic collections with a small threshold: __del__ output of cyclic
# garbage interleaves with the loop's own prints exactly where CPython
# collects (print's own argument tuples and stdout's buffer list count too).
import gc
class C:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        print("del", self.i)
gc.collect()
gc.set_threshold(10)
for i in range(30):
    c = C(i)
    if i % 5 == 0:
        print("made", i)
c = None
gc.collect()
print("end")
