# Two lists holding each other form a 2-object cycle; the ints and strings
# they also hold are freed with them but are not counted.
import gc
gc.disable()
gc.collect()
a = []
b = [a]
a.append(b)
del a, b
print('two lists:', gc.collect())
a = [1, 2, 3, 'x', 'y']
b = ['z', 100000, a]
a.append(b)
del a
print('one name dropped:', gc.collect())
del b
print('both names dropped:', gc.collect())
a = []; b = []; c = []
a.append(b); b.append(c); c.append(a)
del a, b, c
print('three lists in a ring:', gc.collect())
