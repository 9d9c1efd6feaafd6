# Popping in a loop without keeping the result frees each item at once;
# appending while iterating makes the loop see the new items.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
lst = [Ob(1), Ob(2), Ob(3)]
while lst:
    lst.pop()
    print('left', len(lst))
lst = [Ob(4)]
for o in lst:
    print('visit', o.n)
    if o.n < 6:
        lst.append(Ob(o.n + 1))
print('loop done', len(lst))
o = None
lst.pop(0)
d = {1: Ob('d1'), 2: Ob('d2')}
d.pop(2)
print('popped from dict')
lst = None
d = None
print('end')
