# error: 2:10: keyword arguments are not supported
print(1, end="")
