# Temporaries in chained comparisons: the middle object is shared by both
# comparisons and freed after the second one.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
print(Ob(1) is not Ob(2) is not Ob(3))
print('first done')
print(Ob(4) is Ob(5) is Ob(6))
print('second done')
print(Ob(7).n < Ob(8).n < Ob(9).n)
print(Ob(10) in [Ob(11)])
print('end')
