# A set starts with an 8-slot table inside the object (216 bytes) and grows
# by 4x when 3/5 full; a display of constants is presized differently.
import sys
for n in range(0, 31):
    print(n, sys.getsizeof(set(range(n))))
a = b = c = d = e = 0
print(sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof(set([1, 2, 3, 4, 5])))
print(sys.getsizeof({a, b, c}), sys.getsizeof({1, 2, 3}))
s = set(range(20))
print(sys.getsizeof(s), sys.getsizeof(set(s)))
print(sys.getsizeof(set()), sys.getsizeof(set('')), sys.getsizeof(set('abcabc')))
