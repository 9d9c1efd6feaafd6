# A temporary passed to a function is owned by that call's frame: it dies
# when the callee returns, unless it is returned.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
def peek(o):
    print('peek', o.n)
    return o.n
def same(o):
    return o
def outer(a, b):
    print('outer got', a, b.n)
    return a
outer(peek(Ob(1)), same(Ob(2)))
print('after first')
print(peek(same(same(Ob(3)))))
print('after second')
r = outer(peek(Ob(4)), Ob(5))
print('after third', r)
