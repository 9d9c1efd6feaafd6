# Several weakrefs with callbacks on one object: after __del__, the callbacks
# run newest weakref first.
import weakref
class Obj:
    def __del__(self):
        print('__del__')
def first(ref):
    print('callback of the first weakref')
def second(ref):
    print('callback of the second weakref')
def third(ref):
    print('callback of the third weakref')
o = Obj()
w1 = weakref.ref(o, first)
w2 = weakref.ref(o, second)
w3 = weakref.ref(o, third)
plain = weakref.ref(o)
print('dropping o')
o = None
print('dead:', w1() is None, w2() is None, w3() is None, plain() is None)
