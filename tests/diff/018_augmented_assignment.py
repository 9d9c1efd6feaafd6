# Augmented assignment: += on a list changes the list in place (same
# object), on an int, str or tuple it makes a new object and rebinds.
n = 10
n += 5
n -= 3
n *= 4
n //= 5
n %= 7
print(n)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
s = 'ab'
t = s
s += 'cd'
print(s, t, s is t)
tu = (1,)
tu2 = tu
tu += (2,)
print(tu, tu2, tu is tu2)
big = 2 ** 64
big *= big
print(big)
d = {'k': 1}
d['k'] += 10
print(d)
xs = [5, 6]
xs[1] *= 3
print(xs)
