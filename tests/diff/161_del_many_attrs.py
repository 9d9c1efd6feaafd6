# An instance with more attributes than a class's shared keys can hold
# (30) still frees its attributes in order when it dies.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
class Wide:
    pass
w = Wide()
w.a0 = Ob(0)
w.a1 = Ob(1)
w.a2 = Ob(2)
w.a3 = Ob(3)
w.a4 = Ob(4)
w.a5 = Ob(5)
w.a6 = Ob(6)
w.a7 = Ob(7)
w.a8 = Ob(8)
w.a9 = Ob(9)
w.a10 = Ob(10)
w.a11 = Ob(11)
w.a12 = Ob(12)
w.a13 = Ob(13)
w.a14 = Ob(14)
w.a15 = Ob(15)
w.a16 = Ob(16)
w.a17 = Ob(17)
w.a18 = Ob(18)
w.a19 = Ob(19)
w.a20 = Ob(20)
w.a21 = Ob(21)
w.a22 = Ob(22)
w.a23 = Ob(23)
w.a24 = Ob(24)
w.a25 = Ob(25)
w.a26 = Ob(26)
w.a27 = Ob(27)
w.a28 = Ob(28)
w.a29 = Ob(29)
w.a30 = Ob(30)
w.a31 = Ob(31)
v = Wide()
v.a31 = Ob('v31')
v.a0 = Ob('v0')
v.zz = Ob('vzz')
print(len(w.__dict__), list(v.__dict__))
w = None
print('w gone')
v = None
print('end')
