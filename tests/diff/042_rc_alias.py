# Binding a second name to an object copies nothing: it adds one reference.
import sys
a = []
print('a only:', sys.getrefcount(a))
b = a
print('a and b:', sys.getrefcount(a))
c = b
print('a, b and c:', sys.getrefcount(a), sys.getrefcount(c))
holder = [a, a]
print('plus two list slots:', sys.getrefcount(a))
b = None
print('b rebound:', sys.getrefcount(a))
del c
print('c deleted:', sys.getrefcount(a))
holder = None
print('holder dropped:', sys.getrefcount(a))
