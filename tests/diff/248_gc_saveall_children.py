# DEBUG_SAVEALL saves every unreachable tracked object, acyclic children
# included, in list order; untracked children are not in gc.garbage.
import gc
gc.disable()
gc.collect()
class Leaf:
    pass
x = 99999
root = [Leaf(), {'atomic': 1}, (x, 'atomic'), {'list': []}]
root.append(root)
del root
gc.set_debug(gc.DEBUG_SAVEALL)
print('collected', gc.collect())
names = []
for o in gc.garbage:
    names.append(type(o).__name__)
print(names)
gc.set_debug(0)
gc.garbage.clear()
print('collected', gc.collect())
