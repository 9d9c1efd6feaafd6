# Statement layout forms: semicolons, one-line bodies, parenthesized and
# backslash-continued expressions, trailing commas, comments everywhere.
x = 1; y = 2; print(x + y)
if x: print('one-line if')
while y > 0: y -= 1
for i in range(2): print('loop', i)
total = (1 +
         2 +   # comment inside
         3)
other = 4 + \
    5
lst = [
    1,
    2,
]
t = 1, 2,
d = {'a': 1,}
def f(a, b=2,): return a + b
print(total, other, lst, t, d, f(1,), (1), (1,))
class C: pass
print(type(C()) is C)
