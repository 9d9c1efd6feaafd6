# Two instances set the same attributes in opposite orders: __dict__ shows
# each one's order, but both free them in the class's shared-key order.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
class C:
    pass
p = C()
p.x = Ob('px')
p.y = Ob('py')
q = C()
q.y = Ob('qy')
q.x = Ob('qx')
print(list(p.__dict__), list(q.__dict__))
p = None
q = None
r = C()
r.y = Ob('ry')
r.x = Ob('rx')
r = None
print('end')
