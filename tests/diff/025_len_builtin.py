# len() of strings (characters, not bytes), lists, tuples, dicts, sets and
# ranges.
print(len(''), len('abc'), len('é€😀'), len('a\nb'))
print(len([]), len([1, [2, 3]]), len((1, 2, 3)), len(()))
print(len({}), len({'a': 1, 'b': 2}), len({1, 2, 2, 3}), len(set()))
print(len(range(10)), len(range(0, 100, 7)), len(range(5, 0)))
lst = []
for i in range(7):
    lst.append(i)
print(len(lst))
print(len(str(2 ** 1000)))
d = {}
d['a'] = 1
d['a'] = 2
print(len(d))
