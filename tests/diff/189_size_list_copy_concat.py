# Sizes of lists made by copy(), list(x), + and *: exact length, no spare
# slots, whatever the source's capacity was.
import sys
src = []
for i in range(10):
    src.append(i)
print(sys.getsizeof(src))
print(sys.getsizeof(src.copy()), sys.getsizeof(list(src)))
print(sys.getsizeof(src + src), sys.getsizeof(src + []), sys.getsizeof([] + []))
print(sys.getsizeof(src * 2), sys.getsizeof(src * 0), sys.getsizeof([0] * 7))
print(sys.getsizeof([None] * 100), sys.getsizeof([1, 2] * 50))
e = []
print(sys.getsizeof(e.copy()), sys.getsizeof(list(e)), sys.getsizeof(list()))
t = tuple(src)
print(sys.getsizeof(t), sys.getsizeof(t + t), sys.getsizeof(t * 3), sys.getsizeof(tuple(src)))
