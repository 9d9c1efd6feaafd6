# Recursion 900 calls deep is within CPython's default limit of 1000; each
# level keeps its own frame and locals until it returns.
import sys
def depth(n, acc):
    if n == 0:
        return sys.getrefcount(acc)
    return depth(n - 1, acc)
shared = []
print(depth(900, shared), sys.getrefcount(shared))
def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)
print(total(950))
