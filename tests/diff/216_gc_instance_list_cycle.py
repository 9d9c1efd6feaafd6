# An instance holding a list that holds the instance is 2 objects in 3.11;
# with a materialised __dict__ it is 3.
import gc
gc.disable()
gc.collect()
class Bag:
    pass
b = Bag()
b.items = [b]
del b
print('instance <-> list:', gc.collect())
b = Bag()
b.items = [b, 1, 'x']
b.__dict__
del b
print('with __dict__:', gc.collect())
b = Bag()
b.items = [[b]]
del b
print('instance -> list -> list -> instance:', gc.collect())
