# A list nested deeper than the recursion limit: RecursionError, no crash.
a = []
for i in range(100000):
    a = [a]
print(len(str([[[1]]])))
print(repr(a))
