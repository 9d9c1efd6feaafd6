# Every list slot holds a strong reference; the same object may fill many
# slots, and removing or replacing items gives references back.
import sys
x = {}
lst = [x]
print(sys.getrefcount(x))
lst.append(x)
lst.append(x)
print(sys.getrefcount(x))
lst[0] = None
print(sys.getrefcount(x))
lst.insert(0, x)
print(sys.getrefcount(x))
lst.remove(x)
print(sys.getrefcount(x))
lst.extend([x, x])
print(sys.getrefcount(x))
lst.clear()
print(sys.getrefcount(x))
