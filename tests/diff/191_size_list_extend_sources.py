# list.extend and list() from different sources: lists and tuples resize
# once, other iterables grow step by step from a length hint.
import sys
for n in [1, 3, 5, 9, 17, 30]:
    src = [0] * n
    a = []
    a.extend(src)
    b = []
    b.extend(tuple(src))
    c = []
    c.extend(range(n))
    d = list(range(n))
    e = list('x' * n)
    f = []
    f.extend('y' * n)
    g = [1, 2]
    g.extend(src)
    print(n, sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d), sys.getsizeof(e), sys.getsizeof(f), sys.getsizeof(g))
h = []
h.extend({'a': 1, 'b': 2, 'c': 3})
print(sys.getsizeof(h), sys.getsizeof(list({'a': 1, 'b': 2, 'c': 3}.items())))
print(sys.getsizeof(list({1, 2, 3, 4, 5})), sys.getsizeof(list((1, 2, 3))))
