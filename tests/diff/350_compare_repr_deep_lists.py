# Comparisons and reprs of lists nested to just under the recursion limit:
# built-in calls, nested comparisons and reprs count towards it as in
# CPython 3.11 (one level more raises RecursionError).
def build(n):
    a = []
    for i in range(n):
        a = [a]
    return a
a = build(996)
b = build(996)
print(a == b)
print(a != b)
c = [[a, 1]]
d = [[b, 2]]
print(c < d)
print(len(repr(a)))
print(len(str(a)))
t = (a,)
print(len(repr(t)))
