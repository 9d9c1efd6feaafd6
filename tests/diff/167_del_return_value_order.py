# When a function returns, its locals are freed in the order they were
# declared, but the returned one survives; the caller then binds it.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
def make(keep):
    a = Ob('a')
    b = Ob('b')
    c = Ob('c')
    if keep == 'b':
        return b
    return c
r = make('b')
print('got', r.n)
r = make('c')
print('got', r.n)
print(make('b').n)
print('end of prints')
r = None
def build():
    first = Ob('first')
    lst = [Ob('in list'), first]
    second = Ob('second')
    return lst
r = build()
print('built', len(r))
r = None
print('end')
