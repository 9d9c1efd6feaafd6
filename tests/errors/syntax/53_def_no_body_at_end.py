# error: 2:25: expected an indented block after function definition on line 2
def area(width, height):
