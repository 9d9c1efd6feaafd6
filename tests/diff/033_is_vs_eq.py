# == compares values, is compares identity: two equal lists are two
# objects, two names bound to one list are one object.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a == c, a is c)
print(a is not b, id(a) == id(c), id(a) == id(b))
x = None
print(x is None, x == None, x is not None)
s = 'spam'
t = s
print(s is t, s == t)
u = ''.join(['sp', 'am'])
print(u == s)
d1 = {'k': [1]}
d2 = d1.copy()
print(d1 == d2, d1 is d2, d1['k'] is d2['k'])
e = ()
f = tuple([])
print(e == f, e is f)
