import sys


def make(n):
    items = [n, n + 1]
    return items


a = [1, 2, 3]
b = a
c = make(10)
print(sys.getrefcount(a), len(c))
del b
t = (a, c)
print(t)
