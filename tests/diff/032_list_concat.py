# + on lists makes a new list; * repeats the references, so [[0]] * 3
# holds the same inner list three times.
a = [1, 2]
b = [3]
c = a + b
print(c, a, b, c is a)
print([0] * 5, [] * 100, [1, 2] * 2)
grid = [[0]] * 3
grid[0].append(1)
print(grid, grid[0] is grid[2])
rows = [[0], [0], [0]]
rows[0].append(1)
print(rows)
d = a
a = a + [9]
print(a, d)
d += [7]
print(d)
print([[1]] + [[2]] + [[3]], ['a'] * 3 + ['b'])
