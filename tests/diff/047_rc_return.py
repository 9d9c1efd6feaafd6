# A returned object travels back on the stack: the callee's reference is
# handed to the caller, so nothing leaks and nothing is copied.
import sys
def make():
    x = [0, 1]
    return x
r = make()
print('returned new list:', sys.getrefcount(r))
def same(a):
    return a
s = same(r)
print('r after s = same(r):', sys.getrefcount(r))
def pair(a):
    return [a, a]
p = pair(r)
print('r stored twice by pair():', sys.getrefcount(r), sys.getrefcount(p))
def drop(a):
    a = None
    return sys.getrefcount(r)
print('inside drop(r) after rebinding the parameter:', drop(r))
del s, p
print('finally:', sys.getrefcount(r))
