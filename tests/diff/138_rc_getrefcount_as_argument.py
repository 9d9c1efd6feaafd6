# An object passed to print() next to sys.getrefcount(obj) is already on
# the stack when the count is taken, so it shows one more.
import sys
x = [1, 2]
print(sys.getrefcount(x))
print(x, sys.getrefcount(x))
print(sys.getrefcount(x), x)
print([x, sys.getrefcount(x)], sys.getrefcount(x))
print(x, x, sys.getrefcount(x), len(x))
print((sys.getrefcount(x), sys.getrefcount(x)))
def three(a, b, c):
    return c
print(three(x, x, sys.getrefcount(x)))
d = {'k': sys.getrefcount(x), 'x': x, 'again': sys.getrefcount(x)}
print(d['k'], d['again'], sys.getrefcount(x))
