# The order a set prints in depends on how it was built: a display of
# constants, adds one by one, set(list), set(set) and set(range).
x = 8
print({24, 8, 16, 0, 40})
print({x, 24, 16, 0, 40})
print(set([24, 8, 16, 0, 40]))
s = set()
for v in [24, 8, 16, 0, 40]:
    s.add(v)
print(s)
print(set(s), set({24: 1, 8: 2, 16: 3, 0: 4, 40: 5}))
print({64, 128, 0, 32, 96, 160, 192, 224, 256})
print(set(range(50, 0, -7)), {-5, -4, -3, -2, -1})
print({1, 1, True, 2, 2, 0, False})
