# List sizes after a sequence of insert, extend, +=, *= and pop: each
# resize over-allocates from the new length, not from the old capacity.
import sys
lst = []
lst.insert(0, 1)
print(sys.getsizeof(lst))
for i in range(6):
    lst.insert(0, i)
    print(len(lst), sys.getsizeof(lst))
lst.extend(range(5))
print(len(lst), sys.getsizeof(lst))
lst += [1, 2, 3]
print(len(lst), sys.getsizeof(lst))
lst *= 3
print(len(lst), sys.getsizeof(lst))
lst *= 1
print(len(lst), sys.getsizeof(lst))
while len(lst) > 3:
    lst.pop()
    if len(lst) % 7 == 0:
        print(len(lst), sys.getsizeof(lst))
lst *= 0
print(len(lst), sys.getsizeof(lst))
