# An object passed down a recursion is referenced once by every active
# frame; the counts fall back as the calls return.
import sys
def down(obj, n):
    if n == 0:
        print('at the bottom:', sys.getrefcount(obj))
        return
    print('depth', n, sys.getrefcount(obj))
    down(obj, n - 1)
    print('back at depth', n, sys.getrefcount(obj))
thing = []
down(thing, 3)
print('after:', sys.getrefcount(thing))
def build(n):
    if n == 0:
        return []
    inner = build(n - 1)
    return [inner]
nest = build(3)
print('nested lists, outer:', sys.getrefcount(nest), 'innermost:', sys.getrefcount(nest[0][0][0]))
