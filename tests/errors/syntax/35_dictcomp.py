# error: 2:11: dict comprehensions are not supported
d = {k: k for k in range(3)}
