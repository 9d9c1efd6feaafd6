# int() of long strings: signs, surrounding whitespace, leading zeros and
# underscores between digits are accepted.
import sys
s = '1234567890' * 12
n = int(s)
print(n, len(str(n)), sys.getsizeof(n))
print(int('-' + s) + n, int('+' + s) == n)
print(int('  000000000000000000000000000042  '))
print(int('1_000_000_000_000_000_000_000'), int('-0'), int('  -17\n'))
print(int('9' * 60) + 1 == 10 ** 60)
print(int('0' * 50), sys.getsizeof(int('0' * 50)), sys.getsizeof(int('1' + '0' * 50)))
print(int(str(-(3 ** 200))) == -(3 ** 200))
t = ''
for i in range(30):
    t = t + str(i % 10)
print(int(t), int(t) % 97)
