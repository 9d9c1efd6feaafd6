# sys.getrefcount takes exactly one argument.
import sys
x = []
print(sys.getrefcount(x))
print(sys.getrefcount())
