# A misspelt global: CPython's traceback suggests the nearest name.
length = 10
width = 4
print(length * width)
print(lenght * width)
