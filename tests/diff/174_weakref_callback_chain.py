# A weakref callback that drops the last reference to another object:
# that object's __del__ and its own callback run inside the first callback.
import weakref
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
holder = [Ob('second')]
def cb1(r):
    print('cb1 start')
    holder.clear()
    print('cb1 end')
def cb2(r):
    print('cb2')
first = Ob('first')
w1 = weakref.ref(first, cb1)
w2 = weakref.ref(holder[0], cb2)
first = None
print('after')
print(w1(), w2())
