# Temporary containers freed right after use: a list frees its items from
# the last back, a tuple too, a dict in insertion order.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
print(len([Ob(1), Ob(2), Ob(3)]))
print(len((Ob(4), Ob(5))))
print(len({'a': Ob(6), 'b': Ob(7)}))
[Ob(8), [Ob(9), Ob(10)], Ob(11)]
print('statement done')
print(isinstance(Ob(12), Ob), type(Ob(13)) is Ob)
print(Ob(14) is Ob(15), Ob(16) == Ob(17))
def f(a, b):
    print('in f')
f(Ob(18), Ob(19))
print('end')
