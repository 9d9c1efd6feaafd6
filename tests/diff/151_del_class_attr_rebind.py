# Objects held by class attributes die when the class attribute is
# rebound or deleted; an instance attribute can shadow without freeing.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
class C:
    slot = Ob('class 1')
    other = Ob('class other')
c = C()
c.slot = Ob('instance 1')
print(c.slot.n, C.slot.n)
C.slot = Ob('class 2')
print('rebound the class attribute')
del c.slot
print('deleted the instance attribute', c.slot.n)
del C.other
print('deleted other')
C.slot = None
print('end')
c = None
