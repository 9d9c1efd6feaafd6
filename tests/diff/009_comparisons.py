# Comparison operators, chained comparisons (a < b < c means a < b and b < c),
# and comparisons of strings, lists and tuples (element by element).
a = 3
print(a == 3, a != 3, a < 4, a <= 3, a > 3, a >= 4)
print(1 < a < 5, 1 < a > 2, 5 > a > 4, 1 <= a <= 3 <= 3)
print('abc' < 'abd', 'Z' < 'a', 'apple' < 'apples', 'b' > 'abc')
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [3] > [2, 9])
print((1, 'a') < (1, 'b'), (2,) == (2,), [1, 2] == [1, 2], [1] != [1])
print({'a': 1} == {'a': 1}, {'a': 1} == {'a': 2}, {1, 2} == {2, 1})
print(None == None, None != 0, True == 1, False == 0)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 5, 10 ** 20 == 10 ** 20)
