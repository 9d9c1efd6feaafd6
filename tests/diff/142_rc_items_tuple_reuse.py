# dict.items() iteration reuses its result tuple when nobody else holds it;
# keeping a reference to the pair forces a new tuple for the next one.
import sys
d = {'a': [1], 'b': [2], 'c': [3]}
for pair in d.items():
    print(pair[0], sys.getrefcount(pair), sys.getrefcount(pair[1]))
kept = []
for pair in d.items():
    kept.append(pair)
    print(pair[0], sys.getrefcount(pair))
print(kept[0] is kept[1], sys.getrefcount(kept[0]), sys.getrefcount(kept[2]))
for k, v in d.items():
    print(k, sys.getrefcount(v))
for k in d:
    print(k, sys.getrefcount(d))
for v in d.values():
    print(sys.getrefcount(v), sys.getrefcount(d))
pairs = list(d.items())
print(sys.getrefcount(pairs[0]), sys.getrefcount(d['a']))
