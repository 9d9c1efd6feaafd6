# Weak references are cleared only when the object really dies: a __del__
# that resurrects the object leaves them working.
import weakref
saved = []
class Ob:
    def __del__(self):
        print('del')
        saved.append(self)
def cb(r):
    print('callback')
o = Ob()
w = weakref.ref(o, cb)
o = None
print('after first drop', w() is saved[0])
saved.clear()
print('after clear', w())
