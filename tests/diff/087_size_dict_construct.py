# {} and dict() share an empty key table (64 bytes); displays and copies
# size their table for the entries they hold.
import sys
a = 1
print(sys.getsizeof({}), sys.getsizeof(dict()))
print(sys.getsizeof({'a': 1}), sys.getsizeof({'a': 1, 'b': 2}), sys.getsizeof({1: 1}))
print(sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}))
print(sys.getsizeof({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}))
print(sys.getsizeof({'a': a, 'b': a, 'c': a, 'd': a, 'e': a, 'f': a}))
print(sys.getsizeof({1: a, 2: a, 3: a, 4: a, 5: a, 6: a}))
big = {}
for i in range(8):
    big['key' + str(i)] = i
print(sys.getsizeof(big), sys.getsizeof(big.copy()), sys.getsizeof(dict(big)))
small = {}
for i in range(3):
    small[i] = i
print(sys.getsizeof(small), sys.getsizeof(small.copy()), sys.getsizeof(dict(small)))
u = {}
u.update(big)
print(sys.getsizeof(u))
print(sys.getsizeof(dict([('x', 1), ('y', 2)])))
