# Sizes of 10**k for k = 0..40 and of their negatives: a new 30-bit digit
# (4 more bytes) every nine or ten decimal digits.
import sys
k = 0
while k <= 40:
    v = 10 ** k
    print(k, sys.getsizeof(v), sys.getsizeof(-v), sys.getsizeof(v - 1))
    k += 1
big = 10 ** 40
print(sys.getsizeof(big * big), sys.getsizeof(big // big), sys.getsizeof(big - big))
