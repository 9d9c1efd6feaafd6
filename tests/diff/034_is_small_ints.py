# CPython caches the ints -5..256: results of arithmetic in that range are
# the cached objects, bigger (or smaller) results are new objects each time.
n = 250
a = n + 6
b = n + 6
print(a, a is b, a == b)
a = n + 7
b = n + 7
print(a, a is b, a == b)
m = 0
a = m - 5
b = m - 5
print(a, a is b)
a = m - 6
b = m - 6
print(a, a is b, a == b)
big = 2 ** 40
x = big + 1
y = big + 1
print(x is y, x == y)
z = x
print(z is x)
for v in [100, 255, 256, 257, 1000]:
    p = v * 1
    q = v * 1
    print(v, p is q)
print(int('256') is int('256'), int('257') is int('257'))
