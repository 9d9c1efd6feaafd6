# Big-int arithmetic: huge products, quotients, remainders and comparisons
# give exact results.
a = 123456789 ** 5
b = 987654321 ** 3
print(a)
print(b)
print(a * b)
print(a // b, a % b)
print(a + b, a - b, b - a)
print(a > b, a < b, a == a * 1, a != b)
c = a * b
print(c // a == b, c % a)
print((a * b + 1) % b)
print(2 ** 200 // 3 ** 50)
print(-(2 ** 200) // 3 ** 50)
print(2 ** 200 % -(3 ** 50))
n = 1
k = 0
while k < 10:
    n = n * 1000003 + k
    k += 1
print(n)
