# Python ints have no fixed size: ** and * grow them digit by digit
# (CPython stores them in 30-bit digits).
print(2 ** 30, 2 ** 31, 2 ** 32, 2 ** 63, 2 ** 64)
print(2 ** 100)
print(3 ** 200)
print(10 ** 40)
print(-2 ** 65, (-2) ** 65, (-2) ** 64)
f = 1
i = 1
while i <= 50:
    f = f * i
    i += 1
print('50! =', f)
print(f * f)
print(7 ** 77 - 7 ** 76)
