# Tuple unpacking assigns several names at once; the right side is built
# first, so a, b = b, a swaps without a temporary name.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x, y, z)
p = ('first', 'second')
s, t = p
print(t, s)
c, d = 'hi'
print(c, d)
a, b, c = c, a, b
print(a, b, c)
fib_a, fib_b = 0, 1
for i in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b)
for k, v in {'x': 1, 'y': 2}.items():
    print(k, v)
