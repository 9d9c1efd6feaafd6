# A __del__ that stores self somewhere resurrects the object; __del__ runs
# only once, so when the object finally dies nothing is printed again.
import sys
saved = []
class Phoenix:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n, sys.getrefcount(self))
        saved.append(self)
p = Phoenix(1)
p = None
print('saved', len(saved), saved[0].n, sys.getrefcount(saved[0]))
p = saved.pop()
print('back', p.n)
p = None
print('gone for good', len(saved))
