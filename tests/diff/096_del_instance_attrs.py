# Freeing an instance drops its attributes in the order the class first
# saw them set (the order of the class's shared key table).
class Part:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free part', self.name)
class Whole:
    def __del__(self):
        print('free whole')
w = Whole()
w.b = Part('b')
w.a = Part('a')
w.c = Part('c')
print('dropping w')
w = None
v = Whole()
v.c = Part('c2')
v.a = Part('a2')
v.b = Part('b2')
print('dropping v (attributes set in another order)')
v = None
print('done')
