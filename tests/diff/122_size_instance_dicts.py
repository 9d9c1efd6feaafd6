# Each new instance of a class gets a slightly smaller attribute-values array
# than the one before, down to a floor: visible in sys.getsizeof(obj.__dict__).
import sys
class P:
    def __init__(self, n):
        self.n = n
keep = []
for i in range(35):
    p = P(i)
    keep.append(p)
    print(i, sys.getsizeof(p), sys.getsizeof(p.__dict__))
