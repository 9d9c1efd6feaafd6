# On return, a function's locals are dropped in the order they are listed
# in the code object: parameters first, then other locals by first use.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
def f(p, q):
    z = T('z')
    a = T('a')
    m = T('m')
    print('f returns')
f(T('p'), T('q'))
print('after f')
def g():
    second = T('second')
    first = T('first')
    second = T('second again')
    print('g returns')
g()
print('after g')
def h(x):
    keep = T('kept')
    return keep
k = h(T('arg'))
print('after h, k is', k.name)
k = None
print('done')
