# Replacing, popping, removing or deleting a list item drops the list's
# reference, which may free the item at that moment.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
lst = [Ob(0), Ob(1), Ob(2), Ob(3), Ob(4)]
lst[0] = Ob(10)
print('replaced item 0')
lst.pop()
print('popped the last item')
got = lst.pop(0)
print('popped item', got.n, 'and kept it')
got = None
x = lst[1]
lst.remove(x)
print('removed, still held by x')
x = None
del lst[0]
print('deleted item 0, left', len(lst))
lst = None
print('done')
