# A str stores every character with the width its widest one needs: 1 byte
# (latin-1), 2 bytes (UCS-2) or 4 bytes (UCS-4), with bigger headers.
import sys
for n in [1, 2, 3, 10, 100]:
    plain = 'a' * n
    latin = 'é' * n
    ucs2 = '€' * n
    ucs4 = '\U0001F600' * n
    print(n, sys.getsizeof(plain), sys.getsizeof(latin), sys.getsizeof(ucs2), sys.getsizeof(ucs4))
print(sys.getsizeof('a' * 9 + 'é'), sys.getsizeof('a' * 9 + '€'), sys.getsizeof('a' * 9 + '\U0001F600'))
print(sys.getsizeof('caf\u00e9'), sys.getsizeof('\u20ac' + '1'), sys.getsizeof('\xff\xff'))
mixed = 'é€\U0001F600'
print(len(mixed), sys.getsizeof(mixed))
