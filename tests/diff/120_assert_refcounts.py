# assert states what must hold; these assertions about refcounts and sizes
# all pass, so the program prints only its final line.
import sys
x = []
assert sys.getrefcount(x) == 2
y = x
assert sys.getrefcount(x) == 3, 'y adds one'
lst = [x] * 4
assert sys.getrefcount(x) == 7
del lst
assert sys.getrefcount(y) == 3
assert sys.getsizeof([]) == 56
assert sys.getsizeof({}) == 64
assert sys.getsizeof(()) == 40
assert sys.getsizeof(0) == 28
for i in range(3):
    assert sys.getrefcount(x) == 3
def check(a):
    assert sys.getrefcount(a) == 4
    return True
assert check(x)
print('all refcount assertions passed')
