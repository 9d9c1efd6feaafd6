# weakref.ref(obj, callback): when obj is freed by its refcount reaching 0,
# __del__ runs first, then the callback receives the (now dead) weakref.
import weakref
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
def gone(ref):
    print('callback: ref() is', ref())
r = Res('r')
w = weakref.ref(r, gone)
print('dropping r')
r = None
print('after drop, w() is', w())
def other(ref):
    print('other callback, is it w2?', ref is w2)
s = Res('s')
w2 = weakref.ref(s, other)
print('deleting s')
del s
print('done')
