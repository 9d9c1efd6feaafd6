# Tuple unpacking that drops values: the stores run left to right, each one
# freeing what the name held before.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
def pair(a, b):
    return Ob(a), Ob(b)
a, b = pair(1, 2)
a, b = pair(3, 4)
print('rebound both')
a, b = b, a
print('swapped', a.n, b.n)
x, _ = pair(5, 6)
print('kept x')
_, x = pair(7, 8)
print('kept the second')
a, b, x, _ = None, None, None, None
print('end')
