# Literals in functions: each co_consts using one holds a reference (equal
# constants are merged into one object), the __main__ parser arena one more.
import sys
def f():
    n = 7777777
    print('int literal in a function:', sys.getrefcount(n))
    s = 'a sentence, with punctuation.'
    print('str literal in a function:', sys.getrefcount(s))
    t = (10, 20, 30)
    print('tuple of constants in a function:', sys.getrefcount(t))
    u = t
    print('the same tuple bound to two locals:', sys.getrefcount(t))
def g():
    return 'a sentence, with punctuation.'
f()
r = g()
print('the literal returned to the module:', sys.getrefcount(r))
f()
def h(k):
    m = k * 1000003
    return sys.getrefcount(m)
print('int computed in a function:', h(3))
