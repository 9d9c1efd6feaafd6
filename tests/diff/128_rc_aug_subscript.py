# Augmented assignment on subscripts: d[k] += 1 and lst[i] += [...] keep
# the container and key on the stack while the new value is computed.
import sys
item = []
d = {'a': 10 ** 30, 'b': [item]}
old = d['a']
d['a'] += 1
print(sys.getrefcount(old), sys.getrefcount(d['a']), d['a'] - old)
inner = d['b']
d['b'] += [item]
print(sys.getrefcount(item), sys.getrefcount(inner), d['b'] is inner)
lst = [[item], (item,), 7]
first = lst[0]
lst[0] += [item, item]
print(sys.getrefcount(item), lst[0] is first, len(first))
second = lst[1]
lst[1] += (item,)
print(sys.getrefcount(item), sys.getrefcount(second), lst[1] is second)
lst[2] *= 10 ** 20
print(lst[2], sys.getrefcount(lst[2]))
key = 'some key'
counts = {key: 0}
counts[key] += 5
print(counts, sys.getrefcount(key))
del first, second, inner
print(sys.getrefcount(item))
