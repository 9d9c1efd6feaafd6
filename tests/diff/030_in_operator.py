# in / not in test membership: an element of a list, tuple or set, a key of
# a dict (not a value), a substring of a str.
lst = [1, 'two', [3]]
print(1 in lst, 'two' in lst, [3] in lst, 3 in lst, 4 not in lst)
t = (10, 20)
print(10 in t, 15 in t, 20 not in t)
d = {'k': 'v'}
print('k' in d, 'v' in d, 'v' not in d)
s = 'hello world'
print('lo w' in s, 'low' in s, '' in s, 'H' not in s)
st = {1, 2, 3}
print(2 in st, 4 in st)
print(2 ** 70 in [2 ** 70], 5 in range(10), 10 in range(10))
if 'x' not in d:
    d['x'] = 1
print(d)
