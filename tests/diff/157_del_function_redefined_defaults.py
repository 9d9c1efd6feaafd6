# Redefining a function drops the old function object, and with it the
# objects in its defaults tuple.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
def f(x=Ob('f1'), y=Ob('f2')):
    return x.n
print(f())
def f(x=Ob('f3')):
    return x.n
print('redefined', f())
g = f
def f():
    return 0
print('redefined again, g still holds the old one', g())
g = None
print('g dropped')
fs = []
i = 0
while i < 3:
    def h(v=Ob('h' + str(i))):
        return v.n
    fs.append(h)
    i += 1
h = None
print('made', len(fs))
fs.pop(1)
print('popped')
fs = None
print('end')
