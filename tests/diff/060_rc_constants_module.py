# Literals at module level: the code object's co_consts holds one reference
# and, while the script runs, the parser's arena holds one per occurrence.
import sys
big = 1000
print('int literal 1000:', sys.getrefcount(big))
text = 'hello world!'
print('str literal with space and punctuation:', sys.getrefcount(text))
tup = (1, 2, 3)
print('tuple of constants:', sys.getrefcount(tup))
same = 'hello world!'
print('same literal written twice, two names:', sys.getrefcount(text), text is same)
other = 123456
alias = other
print('int literal 123456 bound twice:', sys.getrefcount(other))
built = len(text) * 1000
print('int computed at run time:', sys.getrefcount(built))
joined = 'hello' + ' ' + 'world' + str(1)
print('str built at run time:', sys.getrefcount(joined))
