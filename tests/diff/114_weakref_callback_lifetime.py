# A callback runs only if its weakref object is still alive when the
# referent dies: dropping the weakref first cancels the callback.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
def cb(ref):
    print('callback ran')
a = Obj('a')
wa = weakref.ref(a, cb)
wa = None
print('weakref to a dropped')
a = None
print('a freed without callback')
b = Obj('b')
wb = weakref.ref(b, cb)
keep = [wb]
wb = None
print('weakref to b kept in a list only')
b = None
print('done')
