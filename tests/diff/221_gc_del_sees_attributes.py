# All finalizers run before any object of the cycle is cleared, so a
# __del__ can still follow its references into the rest of the garbage.
import gc
gc.disable()
gc.collect()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(self.name, 'sees', self.next.name, 'and', self.next.next.name, len(self.data))
a = F('a'); b = F('b')
a.next = b; b.next = a
a.data = [1, 2, 3]; b.data = [a, b]
del a, b
print('collected', gc.collect())
