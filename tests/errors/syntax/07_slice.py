# error: 3:8: slices are not supported
a = [1, 2, 3]
b = a[1:]
