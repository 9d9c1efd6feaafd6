# A local variable holds one reference, like a global; a new object bound to
# a local shows 2 inside the function.
import sys
def f():
    x = []
    print('local x:', sys.getrefcount(x))
    y = x
    print('local x and y:', sys.getrefcount(x))
    return sys.getrefcount(y)
print('returned:', f())
g = []
def g_reader():
    print('global seen from a function:', sys.getrefcount(g))
g_reader()
def g_alias():
    local = g
    print('global plus a local:', sys.getrefcount(g))
g_alias()
print('after the calls:', sys.getrefcount(g))
