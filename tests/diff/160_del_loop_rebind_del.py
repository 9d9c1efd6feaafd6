# Rebinding a name in a loop frees the previous object at the store; del
# inside the loop frees it at once, and the last one lives past the loop.
class Ob:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
for i in range(3):
    x = Ob(i)
    print('bound', i)
print('loop done')
i = 0
while i < 4:
    y = Ob(10 + i)
    if i % 2 == 0:
        del y
        print('deleted', i)
    i += 1
print('while done')
x = None
y = None
print('end')
