# // rounds towards minus infinity and % takes the sign of the divisor,
# so (a // b) * b + a % b == a always holds, for small and huge ints.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, -5), (1, -1)]
for p in pairs:
    a = p[0]
    b = p[1]
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)
big = 10 ** 30 + 7
for b in [3, -3, 10 ** 15, -(10 ** 15), 2 ** 70 + 1]:
    print(big // b, big % b, -big // b, -big % b)
print(-1 // 10 ** 40, -1 % 10 ** 40)
