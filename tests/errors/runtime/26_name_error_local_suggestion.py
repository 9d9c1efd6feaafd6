# Inside a function the locals come first, then globals, then builtins.
def area(width, height):
    return widht * height

print(area(3, 4))
