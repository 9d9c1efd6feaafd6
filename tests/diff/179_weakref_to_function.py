# Functions can be weakly referenced: the ref works while the function is
# bound to a name, and its callback runs when the last name goes.
import weakref
def f():
    return 2
def cb(r):
    print('callback, referent gone:', r() is None)
wf = weakref.ref(f, cb)
print(wf() is f, wf()())
g = f
f = None
print('dropped f', wf() is g)
g = None
print('end', wf())
