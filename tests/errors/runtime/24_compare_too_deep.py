# Lists nested too deep to compare: RecursionError, no crash.
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
print(a == b)
