# A list display of 3 or more constants is built by extending an empty list
# (capacity rounded up to even); a display of variables gets exactly n slots.
import sys
a = b = c = d = e = f = g = 1
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2]))
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([a, b, c]))
print(sys.getsizeof([1, 2, 3, 4]), sys.getsizeof([a, b, c, d]))
print(sys.getsizeof([1, 2, 3, 4, 5]), sys.getsizeof([a, b, c, d, e]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7]), sys.getsizeof([a, b, c, d, e, f, g]))
print(sys.getsizeof([1, 2, a]), sys.getsizeof([a, 1, 2, 3]), sys.getsizeof(['x', 'y', 'z']))
print(sys.getsizeof([a]), sys.getsizeof([a, b]), sys.getsizeof([[], []]))
lit = [1, 2, 3]
var = [a, b, c]
lit.append(4)
var.append(4)
print(sys.getsizeof(lit), sys.getsizeof(var))
