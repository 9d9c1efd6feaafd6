# A 300-deep chain of lists ending in a list that holds itself: its repr
# needs more than 256 entries of the cycle guard.
a = []
a.append(a)
for i in range(300):
    a = [a]
print(len(repr(a)))
