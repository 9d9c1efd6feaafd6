# While an outer call's arguments are being evaluated, the values already
# computed sit on the caller's stack and are counted.
import sys
def show(x, label):
    print(label, sys.getrefcount(x))
    return x
def two(a, b):
    return sys.getrefcount(a)
obj = [1, 2]
print(two(obj, show(obj, 'inner')))
print(two(show(obj, 'first'), show(obj, 'second')))
print(len([obj, obj, show(obj, 'in display')]))
t = (obj, show(obj, 'in tuple'), obj)
print(sys.getrefcount(obj))
del t
print(sys.getrefcount(obj))
