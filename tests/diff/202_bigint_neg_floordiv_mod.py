# Floor division and modulo with big and negative operands round toward
# minus infinity; the remainder takes the divisor's sign.
big = 10 ** 40 + 12345
div = 10 ** 20 + 7
for x in [big, -big]:
    for y in [div, -div, 7, -7, 2 ** 31, -(2 ** 62), 3 ** 50]:
        q = x // y
        r = x % y
        print(q, r, q * y + r == x)
print(-1 // 10 ** 30, -1 % 10 ** 30)
print(10 ** 30 // -1, (10 ** 30) % -1)
print(-(2 ** 64) // 2 ** 32, -(2 ** 64) % 2 ** 32)
print((-10 ** 50 + 1) // 10 ** 25, (-10 ** 50 + 1) % 10 ** 25)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
