# Nested containers: each container counts the references to it, not the
# references to what is inside it.
import sys
inner = [1, 2]
middle = [inner, inner]
outer = {'m': middle, 'i': inner}
print('inner', sys.getrefcount(inner), 'middle', sys.getrefcount(middle), 'outer', sys.getrefcount(outer))
box = [outer]
print('outer in a box:', sys.getrefcount(outer), 'inner unchanged:', sys.getrefcount(inner))
alias = outer['m']
print('middle via an alias:', sys.getrefcount(middle))
del alias
middle = None
print('inner after the name middle is rebound:', sys.getrefcount(inner))
box = None
print('inner after box is dropped:', sys.getrefcount(inner))
outer = None
print('inner after outer is dropped:', sys.getrefcount(inner))
t = (inner, [inner, (inner,)])
print('inner in a tuple of lists of tuples:', sys.getrefcount(inner))
t = None
print('inner at the end:', sys.getrefcount(inner))
