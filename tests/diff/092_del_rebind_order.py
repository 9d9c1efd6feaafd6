# x = New() builds the new object first, then rebinds x, and only then frees
# the old object: its __del__ runs after the new object's __init__.
class Obj:
    def __init__(self, name):
        self.name = name
        print('init', name)
    def __del__(self):
        print('del', self.name)
x = Obj('first')
x = Obj('second')
print('rebound')
x = Obj('third')
print('rebound again')
y = x
x = Obj('fourth')
print('old value still referenced by y')
y = None
x = None
print('end')
