# A tuple is allocated at its exact length: 40 bytes plus 8 per item, and
# never changes size.
import sys
x = None
print(sys.getsizeof(()), sys.getsizeof((x,)), sys.getsizeof((x, x)), sys.getsizeof((x, x, x)))
for n in range(0, 11):
    print(n, sys.getsizeof(tuple(range(n))), sys.getsizeof(tuple([x] * n)))
print(sys.getsizeof((1, 2, 3)), sys.getsizeof(('a', 'b')), sys.getsizeof(((), ())))
t = (1, 2)
t += (3,)
print(sys.getsizeof(t))
print(sys.getsizeof(tuple('hello')), sys.getsizeof(tuple({'a': 1, 'b': 2})))
