# A default value lives in the function's defaults tuple for as long as the
# function exists, so it has one more reference than the names show.
import sys
shared = []
def f(x=shared):
    return sys.getrefcount(x)
print('default object outside:', sys.getrefcount(shared))
print('default used inside f():', f())
print('explicit argument f(shared):', f(shared))
def g(bucket=[]):
    bucket.append(1)
    return bucket
got = g()
print('default list returned by g():', sys.getrefcount(got), got)
again = g()
print('second call, same list:', sys.getrefcount(got), got is again, got)
del f
print('after del f:', sys.getrefcount(shared))
