# A chained comparison evaluates the middle operand once and keeps it on
# the stack (duplicated) for the second comparison.
import sys
def mid(x):
    print('mid', sys.getrefcount(x))
    return x
big = 10 ** 40
lo = 10 ** 39
hi = 10 ** 41
print(lo < mid(big) < hi)
print(lo < mid(big) < hi > mid(big))
print(hi < mid(big) < lo)
lst = [1, 2]
print(lst == mid(lst) == [1, 2])
print([] != mid(lst) is lst)
print(sys.getrefcount(big), sys.getrefcount(lst))
