# Assorted reprs: ranges, single-item tuples, empty containers, nested
# tuples, bools and None inside containers, and builtins.
print(range(5), range(1, 10), range(0, 10, 3), range(-5, -1, -2))
print((1,), ((),), ([],), ((1,),), (None, True, False))
print([], {}, set(), (), [[]], [{}], [()], [set()])
print(repr(None), str(None), repr(True), str(False), repr(''), str(''))
print(len, print, 'x')
print(1, 'a', [1, 'a'], None)
print()
print('', '')
print(repr(range(3)), str([1, 'b']), repr({'a': 'b'}))
print(list(range(0)), list(range(3, 0, -1)), tuple(range(2)))
