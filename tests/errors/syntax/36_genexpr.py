# error: 2:13: generator expressions are not supported
print(sum(i for i in range(3)))
