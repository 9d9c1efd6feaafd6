# Objects reachable only from a cycle are unreachable too and are counted:
# a self-list owning two lists, a dict holding a list, and an instance.
import gc
gc.disable()
gc.collect()
class Leaf:
    pass
root = []
root.append(root)
root.append([1, 2])
root.append([3, [4]])
root.append({'k': []})
root.append(Leaf())
del root
print('self list with tracked children:', gc.collect())
root = []
root.append(root)
root.append({'k': 1})
root.append('text')
del root
print('self list with untracked children:', gc.collect())
