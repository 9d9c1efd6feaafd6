# A module: every name CPython's sys has.
import sys
x = []
print(sys.getrefcont(x))
