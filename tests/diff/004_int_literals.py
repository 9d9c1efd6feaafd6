# Integer literals: decimal and hexadecimal, of any size; negative numbers
# are unary minus applied to a literal.
print(0, 7, 255, 0xff, 0x10, 0xFFFFFFFF)
print(0x7fffffffffffffff, 0xffffffffffffffffffffffffffffffff)
print(123456789012345678901234567890123456789012345678901234567890)
print(-1, -0, -123456789012345678901234567890)
n = 0x1F
print(n, n + 1, -n)
print(1000000 * 1000000)
print(- -5, -(-5), -(3 - 10))
