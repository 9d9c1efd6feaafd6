# Freeing a dict drops its entries from the first to the last, the key
# before the value in each entry.
class Thing:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
d = {}
d['one'] = Thing('v1')
d['two'] = Thing('v2')
d['three'] = Thing('v3')
print('dropping the dict')
d = None
print('dict gone')
k1 = Thing('k1')
k2 = Thing('k2')
e = {k1: Thing('for k1'), k2: Thing('for k2')}
del k1, k2
print('dropping the dict with object keys')
del e
print('done')
