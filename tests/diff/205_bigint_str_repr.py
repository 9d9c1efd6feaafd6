# str and repr of big ints, their lengths and str sizes, and ints inside
# printed containers.
import sys
vals = [2 ** 64, -(2 ** 64), 10 ** 50, -(10 ** 50) + 1, 2 ** 200 - 1, 3 ** 100]
for v in vals:
    s = str(v)
    print(s, repr(v) == s, len(s), sys.getsizeof(s))
print(vals)
print((10 ** 25, -10 ** 25), {10 ** 20: -(10 ** 20)})
print(len(str(2 ** 3000)), str(2 ** 3000).count('7'))
print(str(2 ** 3000).startswith('1230231922161'), str(2 ** 3000).endswith('109376'))
