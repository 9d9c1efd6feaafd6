# Rebinding a name moves its reference from the old object to the new one.
import sys
x = [1]
y = [2]
name = x
print(sys.getrefcount(x), sys.getrefcount(y))
name = y
print(sys.getrefcount(x), sys.getrefcount(y))
name = name
print(sys.getrefcount(y))
x, y = y, x
print(sys.getrefcount(x), sys.getrefcount(y))
for i in range(3):
    name = x
print(sys.getrefcount(x), sys.getrefcount(y))
name = 'something else'
print(sys.getrefcount(x), sys.getrefcount(y))
