# A string's storage kind after operations: slicing-like operations
# (split, strip) shrink to the narrowest kind, replace keeps the wider one.
import sys
a = 'é abc'
print(sys.getsizeof(a), sys.getsizeof(a.split()[1]), sys.getsizeof(('abc  ' + 'é').split('é')[0].strip()))
r = 'éa'.replace('é', 'e')
print(r, sys.getsizeof(r), sys.getsizeof('ea'))
print(sys.getsizeof('abc' + 'é'), sys.getsizeof('é' + 'Ω'), sys.getsizeof('Ω' + '😀'))
print(sys.getsizeof(''.join(['ab', 'cd'])), sys.getsizeof('-'.join(['é', 'x'])), sys.getsizeof('x' * 3 + '日'))
print(sys.getsizeof(str(10 ** 20)), sys.getsizeof(repr('a"b')), sys.getsizeof(repr('é')))
w = '日本 語'.split()
print(w, sys.getsizeof(w[0]), sys.getsizeof(w[1]))
print(sys.getsizeof('Ωx'.replace('Ω', 'y')), sys.getsizeof('😀ab'.replace('😀', '')))
