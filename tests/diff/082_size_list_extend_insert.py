# extend() of an empty list allocates exactly (rounded up to even); later
# extends over-allocate, or take the need rounded up to 4 when it is large.
import sys
a = []
a.extend((1, 2, 3))
print(len(a), sys.getsizeof(a))
a.extend([4, 5])
print(len(a), sys.getsizeof(a))
a.extend(list(range(20)))
print(len(a), sys.getsizeof(a))
a.extend([0])
print(len(a), sys.getsizeof(a))
b = [1]
b.extend([2] * 30)
print(len(b), sys.getsizeof(b))
c = []
for i in range(10):
    c.insert(0, i)
    print(len(c), sys.getsizeof(c))
d = []
d.extend('')
print(sys.getsizeof(d))
d.extend('abcdefghij')
print(len(d), sys.getsizeof(d))
