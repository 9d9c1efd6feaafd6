# sys.getsizeof(int): 24 bytes of header plus 4 bytes per 30-bit digit,
# with at least one digit (so 0 is 28 bytes); the sign costs nothing.
import sys
values = [0, 1, -1, 255, 256, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 60 - 1, 2 ** 60]
for v in values:
    print(v, sys.getsizeof(v))
for bits in [30, 60, 90, 120, 150, 300, 3000]:
    print('2**' + str(bits) + ' - 1:', sys.getsizeof(2 ** bits - 1), ' 2**' + str(bits) + ':', sys.getsizeof(2 ** bits))
n = 1
sizes = []
for i in range(12):
    sizes.append(sys.getsizeof(n))
    n = n * 1000
print(sizes)
print(sys.getsizeof(True), sys.getsizeof(False))
