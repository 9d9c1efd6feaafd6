# Functions are objects: storing them in lists and dicts adds references,
# and a running function is also held by its own frame.
import sys
def f():
    return sys.getrefcount(f)
def g(x):
    return x + 1
print(sys.getrefcount(f), f())
table = [f, g, f]
print(sys.getrefcount(f), sys.getrefcount(g))
print(table[0](), table[1](41))
d = {'f': f, 'g': g}
print(sys.getrefcount(f), d['f'](), d['g'](1))
h = d['f']
print(sys.getrefcount(f), h is f)
table.clear()
d.clear()
del h
print(sys.getrefcount(f), sys.getrefcount(g))
