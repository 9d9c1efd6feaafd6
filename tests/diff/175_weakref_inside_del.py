# __del__ runs before weakrefs are cleared: in __del__ a weakref still returns
# the object, and one made there fires its callback right after __del__.
import sys
import weakref
made = []
def cb(r):
    print('callback', r() is None)
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n, w() is self, sys.getrefcount(self))
        made.append(weakref.ref(self, cb))
        print('made a weakref in __del__')
o = Ob(1)
w = weakref.ref(o, cb)
o = None
print('after', w(), made[0]())
made.clear()
print('end')
