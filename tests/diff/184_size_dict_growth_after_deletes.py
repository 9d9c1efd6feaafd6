# A dict keeps the slots of deleted entries until it resizes: deleting and
# inserting new keys grows it although the item count stays small.
import sys
d = {}
for i in range(5):
    d[i] = i
print(len(d), sys.getsizeof(d))
for i in range(5, 40):
    del d[i - 5]
    d[i] = i
    print(len(d), sys.getsizeof(d))
for i in range(35, 40):
    del d[i]
print(len(d), sys.getsizeof(d))
d['x'] = 1
print(len(d), sys.getsizeof(d))
