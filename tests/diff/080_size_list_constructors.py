# [x] * n allocates exactly n slots, list(range(n)) and copies round up to
# even, and an append after exact allocation over-allocates.
import sys
x = None
for n in range(0, 13):
    print(n, sys.getsizeof([x] * n), sys.getsizeof(list(range(n))), sys.getsizeof(list([x] * n)))
rep = [x] * 10
print(sys.getsizeof(rep), sys.getsizeof(rep.copy()), sys.getsizeof(rep + rep))
rep.append(x)
print(sys.getsizeof(rep))
print(sys.getsizeof(list('abcde')), sys.getsizeof(list((1, 2, 3))), sys.getsizeof(list()))
print(sys.getsizeof([0, 1] * 3), sys.getsizeof([] * 5))
