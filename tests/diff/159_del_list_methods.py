# list methods with __del__: clear() frees from the last item back, pop(i)
# and remove() free what the list dropped, insert/reverse free nothing.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
lst = [Ob(1), Ob(2), Ob(3), Ob(4)]
lst.insert(0, Ob(0))
lst.insert(100, Ob(5))
lst.reverse()
print('reversed', lst[0].n, lst[5].n)
lst.pop(2)
print('popped')
lst.remove(lst[0])
print('removed')
lst.extend([Ob(6), Ob(7)])
print('extended')
lst.clear()
print('cleared')
lst = [Ob(8), Ob(9)]
lst = [Ob(10)]
print('rebound')
lst = None
print('end')
