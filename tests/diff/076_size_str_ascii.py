# An ASCII str costs 49 bytes (header plus the terminating NUL) and one
# byte per character.
import sys
for n in [0, 1, 2, 3, 7, 8, 10, 50, 100, 1000]:
    s = 'a' * n
    print(n, sys.getsizeof(s))
print(sys.getsizeof('hello world!'), sys.getsizeof('x' + str(10 ** 20)))
word = ''
for ch in 'abcde':
    word = word + ch
    print(word, sys.getsizeof(word))
print(sys.getsizeof('tab\tand newline\n'), sys.getsizeof('\x7f'))
print(sys.getsizeof(str(2 ** 100)), sys.getsizeof(','.join(['a', 'b', 'c'])))
