# Targets are stored left to right after the value is computed: a = a[0] = [..]
# makes a list that contains itself, and i, lst[i] = ... indexes with the new i.
a = a[0] = [0, 1]
print(a, a[0] is a)
lst = ['p', 'q', 'r']
i = 0
i, lst[i] = 2, 'x'
print(i, lst)
lst[0], lst[1] = lst[1], lst[0]
print(lst)
(p, q), r = [1, 2], 3
s, (t, u) = 'xy', (4, [5])
print(p, q, r, s, t, u)
d = {}
k = 'first'
k, d[k] = 'second', 1
print(d)
x = y = z = [1]
x += [2]
print(y, z is x)
a.clear()
