# error: 4:7: expression cannot contain assignment, perhaps you meant "=="?
import sys
x = []
print(sys.getrefco=unt(x))
