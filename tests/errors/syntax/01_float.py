# error: 2:5: float literals are not supported
x = 1.5
