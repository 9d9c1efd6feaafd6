# __del__ runs while the object is still intact: it can read its attributes
# and call its methods; the attributes are dropped only afterwards.
class Inner:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print('  inner', self.tag, 'freed')
class Outer:
    def __init__(self, name, tag):
        self.name = name
        self.inner = Inner(tag)
        self.log = [name, tag]
    def describe(self):
        return self.name + '/' + self.inner.tag
    def __del__(self):
        print('outer', self.describe(), 'log', self.log, 'count', len(self.log))
o = Outer('box', 'x')
p = Outer('crate', 'y')
del o
print('---')
p = None
print('done')
