# A dict with int (non-str) keys grows at the same points as one with str
# keys but uses 24-byte entries that also store the hash.
import sys
d = {}
print(0, sys.getsizeof(d))
for i in range(1, 31):
    d[i] = None
    print(i, sys.getsizeof(d))
e = {}
for i in range(30):
    e[i * 1000003] = i
print('30 big keys:', sys.getsizeof(e))
