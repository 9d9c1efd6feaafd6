# An object returned from a function survives the callee's frame; objects
# created in the function and not returned are freed on return.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
def factory(name):
    scratch = R('scratch for ' + name)
    result = R(name)
    return result
a = factory('a')
print('got', a.name)
factory('ignored')
print('returned value was not kept')
def chain():
    return factory('inner')
b = chain()
print('got', b.name)
a = b = None
print('done')
