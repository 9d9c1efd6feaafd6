# Holding obj.__dict__ keeps the attributes alive after the instance dies;
# they are freed when the dict itself goes.
import sys
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
o = Ob('owner')
o.a = Ob('a')
o.b = Ob('b')
d = o.__dict__
print(sys.getrefcount(d), list(d))
o = None
print('owner gone', sys.getrefcount(d), d['a'].n, len(d))
d['c'] = Ob('c')
del d['a']
print('changed the orphan dict')
d = None
print('end')
