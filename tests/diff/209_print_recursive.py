# repr of containers that contain themselves prints [...] or {...} at the
# point where the recursion would start.
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a, repr(a))
d = {'k': 1}
d['self'] = d
print(d)
b = [a, d, (a,)]
print(b)
e = {'list': []}
e['list'].append(e)
e['list'].append([e['list']])
print(e)
x = []
y = [x]
x.append(y)
print(x, y)
print(str(a) == repr(a))
a.clear()
d.clear()
e.clear()
x.clear()
print(a, d, b, e, y)
