# Freeing 120 nested dicts {'leaf': Leaf(i), 'next': ...}: the trashcan
# defers dicts past 50 levels of nesting, which reorders the frees.
class Leaf:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print('free', self.i)
head = None
i = 0
while i < 120:
    head = {'leaf': Leaf(i), 'next': head}
    i += 1
head = None
print('all gone')
