# The builtin types as functions: str(), int(), list(), tuple(), dict(),
# set() build new objects from other ones.
print(str(42), str(-7), str(2 ** 80), str([1, 'a']), str(None), str(True))
print(int('123') + 1, int('-45'), int('000123'), int(7), int(True))
print(int('123456789012345678901234567890') * 2)
print(list('abc'), list((1, 2)), list(range(3)), list({'k': 1, 'j': 2}))
print(tuple([1, 2]), tuple('xy'), tuple(), list())
print(dict(), dict({'a': 1}), dict([('x', 1), ('y', 2)]))
print(set([3, 1, 3, 2]), set(), set((5, 5)))
print(str(str('x')) + str(1) + str(2))
n = 255
print(len(str(n)), str(n) + str(n), int(str(n) + '0'))
print(list(list([1, 2])) == [1, 2], tuple(list((3,))) == (3,))
