# Dict entries whose keys are instances: deleting an entry, clearing and
# freeing the dict release each key before its value.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
k1 = Ob('k1')
k2 = Ob('k2')
d = {k1: Ob('v1'), k2: Ob('v2'), Ob('k3'): Ob('v3')}
del k1, k2
print('names gone')
for k in list(d.keys()):
    if k.n == 'k1':
        del d[k]
k = None
print('deleted k1')
d[Ob('k4')] = Ob('v4')
d.clear()
print('cleared')
d = {Ob('k5'): Ob('v5'), Ob('k6'): Ob('v6')}
d = None
print('end')
