# Conversions of ints with exactly 4300 decimal digits (CPython's default
# limit) between str and int work.
import sys
n = 10 ** 4299
s = str(n)
print(len(s), s.count('0'), sys.getsizeof(n), sys.getsizeof(s))
m = int('9' * 4300)
print(m + 1 == 10 ** 4300, len(str(m)), m % 1000003)
print(len(str(-n)), int(s) == n, int('-' + s) == -n)
print(len(str(2 ** 14000)), str(3 ** 9000).count('1'))
