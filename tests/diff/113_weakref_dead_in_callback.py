# Inside the callback the weakref is already dead, and so are all other
# weakrefs to the object: the callback can no longer reach it.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
log = []
def cb(ref):
    print('callback: ref() is None:', ref() is None, ' other weakref dead:', plain() is None)
    log.append('called')
o = Obj('o')
plain = weakref.ref(o)
w = weakref.ref(o, cb)
print('alive:', w().name, plain().name)
o = Obj('replacement')
print('log:', log, ' o is now', o.name)
print(w(), plain())
