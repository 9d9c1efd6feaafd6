# Removing items shrinks a list's array only when fewer than half of its
# slots are in use; clear() frees the array.
import sys
lst = []
for i in range(40):
    lst.append(i)
print(len(lst), sys.getsizeof(lst))
while len(lst) > 0:
    before = sys.getsizeof(lst)
    lst.pop()
    after = sys.getsizeof(lst)
    if after != before:
        print('pop to', len(lst), before, '->', after)
print('empty', sys.getsizeof(lst))
lst = list(range(20))
lst.remove(5)
lst.remove(6)
print(len(lst), sys.getsizeof(lst))
del lst[0]
del lst[0]
del lst[0]
print(len(lst), sys.getsizeof(lst))
lst.pop(0)
print(len(lst), sys.getsizeof(lst))
lst.clear()
print(len(lst), sys.getsizeof(lst))
lst.append(1)
print(len(lst), sys.getsizeof(lst))
