# Freeing a list of objects that have callbacks: each object's __del__ and
# callbacks run together, items from the last to the first.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)
def cb_a(ref):
    print('callback a')
def cb_b(ref):
    print('callback b')
def cb_c(ref):
    print('callback c')
lst = [Obj('a'), Obj('b'), Obj('c')]
refs = [weakref.ref(lst[0], cb_a), weakref.ref(lst[1], cb_b), weakref.ref(lst[2], cb_c)]
print('dropping the list')
lst = None
print('dead:', refs[0]() is None, refs[1]() is None, refs[2]() is None)
