# copy() of a dict with holes from deletions: the copy is rebuilt compact,
# so it may be smaller than the original.
import sys
d = {}
for i in range(30):
    d[i] = i
for i in range(25):
    del d[i]
c = d.copy()
print(len(d), sys.getsizeof(d), sys.getsizeof(c), sys.getsizeof(dict(d)))
s = {}
for i in range(30):
    s[str(i)] = i
for i in range(3):
    del s[str(i)]
print(len(s), sys.getsizeof(s), sys.getsizeof(s.copy()))
for i in range(27):
    s.pop(str(i + 3))
print(len(s), sys.getsizeof(s), sys.getsizeof(s.copy()))
