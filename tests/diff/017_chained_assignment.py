# a = b = [] binds both names to ONE new list: a change through one name
# is seen through the other.
a = b = []
a.append(1)
print(a, b, a is b)
x = y = z = 0
x += 1
print(x, y, z)
p = q = {'k': 'v'}
q['k2'] = 'v2'
print(p)
m = n = [0, 0]
m[0] = 'changed'
print(n)
c = d = 'text'
c = c + '!'
print(c, d)
