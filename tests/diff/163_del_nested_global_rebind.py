# A __del__ that rebinds a global frees the global's old object inside
# the first __del__, which nests the two messages.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        global other
        print('del start', self.n)
        other = None
        print('del end', self.n)
other = Ob('other')
first = Ob('first')
first = None
print('after first')
other = Ob('second other')
third = Ob('third')
del third
print('end', other)
