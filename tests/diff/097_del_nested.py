# A cascade walks the whole structure depth first: each container drops its
# contents as it is freed.
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
tree = [N('a'), [N('b'), N('c')], {'k': N('d'), 'l': [N('e'), N('f')]}, N('g')]
print('dropping the tree')
tree = None
print('tree gone')
root = N('root')
root.children = [N('child1'), N('child2')]
root.children[0].children = [N('grandchild')]
print('dropping root')
del root
print('done')
