# In 3.11 the callee's parameter takes over the caller's stack reference:
# inside the callee an argument shows 3 (caller's name, parameter, argument).
import sys
def one(a):
    return sys.getrefcount(a)
def two(a, b):
    return sys.getrefcount(a)
def three(a, b, c):
    return sys.getrefcount(b)
w = []
print('one(w):', one(w))
print('two(w, w):', two(w, w))
print('three(w, w, w):', three(w, w, w))
print('two(w, other):', two(w, {}))
print('one(new list):', one([]))
print('after the calls:', sys.getrefcount(w))
def nested(a):
    return one(a)
print('nested(w):', nested(w))
