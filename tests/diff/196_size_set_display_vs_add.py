# A set display of constants is filled from a frozenset in one step and
# presized; set(list) and add() grow the table one element at a time.
import sys
x = 3
s5 = {1, 2, 3, 4, 5}
s10 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
s20 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
v20 = {x, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
print(sys.getsizeof(s5), sys.getsizeof(s10), sys.getsizeof(s20), sys.getsizeof(v20))
print(sys.getsizeof(set([1, 2, 3, 4, 5])), sys.getsizeof(set(range(10))), sys.getsizeof(set(range(20))))
print(sys.getsizeof(set(s20)), sys.getsizeof(set()), sys.getsizeof({x}))
a = set()
for i in range(1, 21):
    a.add(i)
    print(i, sys.getsizeof(a))
print(sys.getsizeof(set({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6})))
print(sys.getsizeof(set((1, 2, 3, 4, 5, 6, 7))), sys.getsizeof(set('abcdefgh')))
