# error: 3:23: expected an indented block after function definition on line 2
def area(width, height):
    # TODO: write this
