# When the last reference goes, CPython frees the object at once and calls
# its __del__ first: here at del, at rebinding and at the end of a call.
class Noisy:
    def __init__(self, name):
        self.name = name
        print('create', name)
    def __del__(self):
        print('free', self.name)
a = Noisy('a')
b = a
del a
print('a deleted, b still holds it')
del b
print('b deleted')
c = Noisy('c')
c = None
print('c rebound to None')
def use():
    tmp = Noisy('tmp')
    print('returning from use()')
use()
print('back in the module')
