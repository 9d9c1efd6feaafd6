# A dict with only str keys grows its table at 6, 11 and 22 entries (2/3
# full), using compact 16-byte entries.
import sys
d = {}
print(0, sys.getsizeof(d))
for i in range(1, 31):
    d['k' + str(i)] = i
    print(i, sys.getsizeof(d))
for i in range(1, 31):
    d['k' + str(i)] = -i
print('values replaced:', sys.getsizeof(d))
