# The integer operators + - * // % ** and unary minus, with their usual
# precedence: ** binds tighter than unary minus, which binds tighter than *.
a = 17
b = 5
print(a + b, a - b, a * b, a // b, a % b, a ** b)
print(-a, -a ** 2, (-a) ** 2)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(100 - 10 - 1, 100 // 10 // 3, 7 % 3 * 2)
print(a * 0, 0 * -1, a ** 0, 0 ** 0, 1 ** 1000)
print(b - a, b // a, b % a)
x = 10
x = x * x + x
print(x)
