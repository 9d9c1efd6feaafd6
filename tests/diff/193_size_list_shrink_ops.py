# Shrinking a list: pop, remove and del shrink the array once the length
# falls under half the capacity; clear() frees the array entirely.
import sys
lst = list(range(40))
lst.append(40)
print(len(lst), sys.getsizeof(lst))
while len(lst) > 0:
    before = sys.getsizeof(lst)
    if len(lst) % 3 == 0:
        lst.remove(lst[0])
    elif len(lst) % 3 == 1:
        del lst[len(lst) - 1]
    else:
        lst.pop(0)
    after = sys.getsizeof(lst)
    if before != after:
        print(len(lst), before, after)
lst = [1, 2, 3, 4, 5, 6, 7, 8]
lst.clear()
print(sys.getsizeof(lst))
lst.append(1)
print(sys.getsizeof(lst))
