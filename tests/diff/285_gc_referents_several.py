# gc.get_referents(a, b, ...) concatenates the referents of each argument;
# tuples report their items from the last to the first; ints and strs none.
import gc
gc.disable()
gc.collect()
x = 1000
t = (x, 'y', [1])
r = gc.get_referents(t)
print(len(r), r[2] is x, type(r[0]).__name__, r[1])
print(len(gc.get_referents(())), len(gc.get_referents(5, 'str', None)))
a = [1, 2]
b = {'k': a}
r = gc.get_referents(a, b, t)
print(len(r), r[0], r[1], r[2] is a, r[5] is x)
nested = ((x, x), [t])
print(len(gc.get_referents(nested)), len(gc.get_referents(nested[0], nested[1])))
