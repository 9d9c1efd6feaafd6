# error: 4:1: expected an indented block after function definition on line 3
class Shape:
    def area(self):

