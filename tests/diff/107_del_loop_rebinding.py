# A name rebound in every loop iteration frees the previous iteration's
# object once the new one is built; the last one lives after the loop.
class It:
    def __init__(self, n):
        self.n = n
        print('make', n)
    def __del__(self):
        print('free', self.n)
for i in range(3):
    obj = It(i)
print('loop done, obj is', obj.n)
obj = None
for x in [It('a'), It('b'), It('c')]:
    print('visiting', x.n)
print('for loop over a temporary list done')
del x
print('done')
