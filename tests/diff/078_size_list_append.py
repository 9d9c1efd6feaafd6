# list over-allocation: appending grows the item array in steps
# (capacity 0, 4, 8, 16, 24, 32, 40, 52, ...), 8 bytes per slot over 56.
import sys
lst = []
print(0, sys.getsizeof(lst))
for n in range(1, 101):
    lst.append(n)
    print(n, sys.getsizeof(lst))
