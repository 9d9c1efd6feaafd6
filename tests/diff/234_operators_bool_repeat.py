# Arithmetic with bools, and repetition by zero, negative and bool counts.
print(True + True, True * 3, -True, -False, True - 2, True // 2, True % 2, True ** 10)
print('ab' * 0, 'ab' * -2, 'ab' * True, 3 * 'ab', [1] * -1, [1, 2] * False, (1,) * 3, 2 * (0,))
print(0 ** 0, (-5) ** 3, 0 ** 10 ** 20, 1 ** 10 ** 20, (-1) ** (10 ** 20 + 1), abs(-0))
print(-(-5), --5, -(0), 7 - -3, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
a = 255
b = 256
c = 257
print(a + 1 is b, a + 2 is c, isinstance(True, int), type(True + 1), type(True * False))
