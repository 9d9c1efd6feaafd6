# Sizes of big-int results: results are normalized (no leading zero digits)
# and small results come back as the cached small ints.
import sys
a = 2 ** 90
b = 2 ** 90 - 1
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(a - b), sys.getsizeof(a - a))
print(a - b == 1, sys.getsizeof(a * a), sys.getsizeof(a // b), sys.getsizeof(a % b))
print(sys.getsizeof(-a), sys.getsizeof(a + a), sys.getsizeof(b + 1), sys.getsizeof(b * 2))
c = 2 ** 60
print(sys.getsizeof(c), sys.getsizeof(c - 1), sys.getsizeof(c // 2 ** 30), sys.getsizeof(c // 2 ** 31))
print(sys.getsizeof(10 ** 9 * 10 ** 9), sys.getsizeof(-(2 ** 30) + 1), sys.getsizeof(-(2 ** 30)))
print(sys.getsizeof(abs(-a)), sys.getsizeof(sum([a, -a])), sys.getsizeof(int('7' * 40)))
print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(True + True))
