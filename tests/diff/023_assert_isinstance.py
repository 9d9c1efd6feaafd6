# assert checks a condition (these all pass); isinstance asks whether an
# object is an instance of a class.
class Point:
    pass
p = Point()
assert isinstance(p, Point)
assert 1 + 1 == 2, 'arithmetic is broken'
assert [1, 2]
print(isinstance(5, int), isinstance('5', int), isinstance('5', str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(set(), set), isinstance(p, Point), isinstance(Point, Point))
print(isinstance(True, int), isinstance(None, int), isinstance(2 ** 100, int))
x = 10
assert x > 5
assert x == 10, 'x changed'
print('all asserts passed')
