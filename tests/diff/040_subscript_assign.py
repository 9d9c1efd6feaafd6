# Subscript targets: lst[i] = v replaces one item (negative indexes count
# from the end), d[k] = v adds or replaces an entry.
lst = [0, 0, 0]
lst[0] = 'first'
lst[-1] = 'last'
print(lst, lst[1], lst[-2])
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)
d = {}
d['a'] = 1
d['b'] = [1]
d['a'] = 2
d['b'][0] = 'x'
print(d)
d[(1, 2)] = 'tuple key'
d[3] = 'int key'
print(d[(1, 2)], d[3], len(d))
s = 'word'
print(s[0], s[-1], (1, 2, 3)[1])
nested = {'list': [10, {'deep': 'value'}]}
nested['list'][1]['deep'] = 'changed'
print(nested)
