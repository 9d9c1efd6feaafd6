# Default argument objects are held by the function; each call that uses
# the default adds a local reference for the duration of the call.
import sys
def f(x, acc=[], tag=(1, [2])):
    acc.append(x)
    print('in f', sys.getrefcount(acc), sys.getrefcount(tag))
    return acc
r = f(1)
print(sys.getrefcount(r))
r2 = f(2)
print(sys.getrefcount(r), r is r2, r)
mine = []
f(3, mine)
print(sys.getrefcount(mine), mine)
del r, r2
def g(n=10 ** 25):
    return sys.getrefcount(n)
print(g(), g(5 * 10 ** 25))
