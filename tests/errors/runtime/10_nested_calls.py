def a(x):
    return b(x)
def b(x):
    return c(x)
def c(x):
    return x[10]
a([1, 2])
