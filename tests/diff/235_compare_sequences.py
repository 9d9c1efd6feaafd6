# Comparisons of lists, tuples and strings are lexicographic; equality
# across types is False, and and/or return one of their operands.
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0], [1, 2] == [1, 2])
print((1, 'a') < (1, 'b'), (1, 2) == [1, 2], (1,) < (1, 0), () == (), (3, [1]) == (3, [1]))
print('abc' < 'abd', 'Z' < 'a', 'é' > 'z', 'ab' < 'abc', '' < 'a', 'a' * 3 == 'aaa')
print(1 == True, 0 == False, None == 0, None is None, [] == [], [] is [])
print([] or 'x', 'a' and 'b', 0 or None, [0] and [], not [], not 'a', None or 0 or 'last')
print(1 < 2 == 2 < 3, 1 < 2 > 3, 3 > 2 > 1 > 0, 'a' < 'b' < 'c', [1] < [2] < [3])
print('bc' in 'abcd', '' in 'x', 'k' in {'k': 1}, [1] in [[1], [2]])
