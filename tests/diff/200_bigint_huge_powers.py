# Huge powers: exact digits, lengths and sizes of 3**1000, 7**500 and
# friends, and arithmetic between them.
import sys
a = 3 ** 1000
b = 7 ** 500
print(a)
print(b % 10 ** 30, len(str(b)))
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(a * b), sys.getsizeof(-a))
print((a * b) % 1000000007, (a - b) // 10 ** 400)
print(2 ** 1000 - 1 == (2 ** 500 - 1) * (2 ** 500 + 1))
print((-3) ** 301 % 1000, (-2) ** 100, (-2) ** 101 // 3)
c = 12345678901234567890 ** 20
print(c)
print(c // (12345678901234567890 ** 19) == 12345678901234567890)
print(sum([a, b, -a]) == b, max(a, b) == a, min(-a, -b) == -a, abs(-b) == b)
