# A temporary object (a call result nobody binds) is freed as soon as the
# statement or expression is done with it.
class Temp:
    def __init__(self, name):
        self.name = name
        print('make', name)
    def __del__(self):
        print('free', self.name)
    def value(self):
        return len(self.name)
Temp('statement')
print('after the expression statement')
print('length', Temp('in print').value())
print('after print')
n = Temp('a').value() + Temp('bb').value()
print('sum', n)
def take(x):
    print('take got', x.name)
take(Temp('argument'))
print('after take')
lst = [Temp('in a list display')]
lst = len(lst)
print('done', lst)
