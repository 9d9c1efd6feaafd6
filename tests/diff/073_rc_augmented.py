# lst += other extends the list in place, so the name keeps the same object
# and the items gain references; lst = lst + other makes a new list.
import sys
x = {}
lst = []
alias = lst
lst += [x, x]
print(sys.getrefcount(x), sys.getrefcount(lst), lst is alias)
lst = lst + [x]
print(sys.getrefcount(x), sys.getrefcount(lst), sys.getrefcount(alias), lst is alias)
alias = None
print(sys.getrefcount(x))
base = 10
counter = base ** 25
before = counter
counter += 1
print(sys.getrefcount(before), sys.getrefcount(counter), before is counter)
t = (x,)
keep = t
t += (x,)
print(sys.getrefcount(x), sys.getrefcount(keep), sys.getrefcount(t))
