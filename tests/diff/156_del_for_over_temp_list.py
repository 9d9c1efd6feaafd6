# Looping over a temporary list or tuple: the iterator owns it, lets go of
# it when exhausted (or at break), and the loop variable keeps the last.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
for x in [Ob(1), Ob(2), Ob(3)]:
    print('body', x.n)
print('after list loop')
x = None
for y in (Ob(4), Ob(5), Ob(6)):
    if y.n == 5:
        break
print('after break')
y = None
for k in {'a': Ob(7), 'b': Ob(8)}:
    print('key', k)
print('after dict loop')
for z in [Ob(9)]:
    z = None
    print('rebound in body')
print('end')
