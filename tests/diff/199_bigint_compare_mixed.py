# Comparisons between big, small and negative ints, and with bool; ints in
# min/max/sum mixed with bools.
a = 10 ** 30
b = -(10 ** 30)
print(a > b, b < -1, a == 10 ** 30, a != a + 1, -a == b, a > 2 ** 99, a < 2 ** 100)
print(1 < a < a + 1 < 2 * a, b < 0 < a, a >= a, b <= b - 1)
print(max(3, a, b), min(3, a, b), sum([a, b, True, True]))
print(True == 1, False == 0, True + 10 ** 20, max(True, 0), min(False, -1))
print(abs(b), abs(-5), abs(0), -(-a) == a)
print(a in [1, 10 ** 30], 10 ** 30 in (a,), b in {b: 1})
