# The compiler folds constant expressions (small powers, short repeated
# strings, tuples of constants); unfolded ones are computed at run time.
import sys
a = 2 ** 100
b = 2 ** 200
c = 'a b' * 3
d = 'a b' * 3000
e = (1, 2) * 100
f = (1, 2) * 200
g = -(10 ** 20)
h = (1000, -2000)
i = 'hello ' + 'world'
j = (1, [2])
print(sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c), sys.getrefcount(d))
print(sys.getrefcount(e), sys.getrefcount(f), sys.getrefcount(g), sys.getrefcount(h))
print(sys.getrefcount(i), sys.getrefcount(j), sys.getrefcount(h[0]), sys.getrefcount(h[1]))
def fn():
    x = 2 ** 100
    y = 2 ** 200
    z = 'x-' * 10
    return sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(z)
print(fn())
k = (1, 2) + (3,)
print(sys.getrefcount(k), sys.getrefcount((7, 8) * 2 + (9,)))
