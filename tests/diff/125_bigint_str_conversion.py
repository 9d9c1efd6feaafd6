# Converting between big ints and their decimal strings: str() of a huge
# product, int() of a long digit string, and digit counts.
n = 2 ** 1000
s = str(n)
print(len(s), s[0], s[len(s) - 1])
m = int(s)
print(m == n, m - n, m is n)
print(int('9' * 50) + 1)
p = 1
for i in range(1, 31):
    p = p * (10 ** i + 1)
print(len(str(p)))
print(p % 1000000007, p // 10 ** 460)
print(str(-(3 ** 100)))
print(int('-' + '1' * 40) // 7)
