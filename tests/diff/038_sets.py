# Sets hold each value once; a set of small ints prints in increasing order
# (their hash is their value), set() is the empty set.
s = {3, 1, 2, 3, 1}
print(s, len(s))
print(set([5, 4, 5]), set(), set(range(6)))
print(2 in s, 7 in s, {1, 2} == {2, 1}, {1} != {1, 2})
t = set('aaa')
print(len(t), 'a' in t)
e = set()
print(len(e), e, type(e))
u = set([10, 20, 10])
v = set(u)
print(u == v, u is v)
big = {2 ** 70, 2 ** 70, 3}
print(len(big))
