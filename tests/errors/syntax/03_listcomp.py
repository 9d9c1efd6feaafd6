# error: 2:8: list comprehensions are not supported
y = [i for i in range(3)]
