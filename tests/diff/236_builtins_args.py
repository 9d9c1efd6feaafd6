# Builtins with their optional arguments: int with a base, sum with a
# start, min and max over one iterable or several values, range steps.
print(int('ff', 16), int('0x1F', 0), int(' -0b101 ', 0), int('z', 36), int('777', 8), int('10', 2))
print(sum([1, 2, 3], 10), sum([], 5), sum([[1], [2]], []), sum(range(101)))
print(min([4, 2, 8]), max([4, 2, 8]), min(4, 2, 8), max('apple', 'pear'), min('b', 'ab'))
print(max([[1, 2], [1, 3], [0, 9]]), min((3, 'a'), (3, 'B')), max(range(5)), min('zebra'))
print(list(range(10, 0, -3)), len(range(0, 100, 7)), list(range(-3)), 5 in range(0, 10, 5))
print(abs(-7), abs(True), isinstance(True, int), isinstance(3, (str, int)), isinstance('x', (list, tuple)))
print(str(), int(), list(), tuple(), dict(), len(set()))
print(tuple('abc'), list((1, 2)), list({'k': 1, 'j': 2}), tuple({5: 'x'}))
print(repr(int('  12  ')), str(-0), int(True), str(True), int(str(123)) + 1)
