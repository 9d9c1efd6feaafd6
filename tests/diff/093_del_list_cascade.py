# Freeing a list drops its items from the last one to the first; an item
# with another reference survives.
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free item', self.n)
lst = [Item(0), Item(1), Item(2), Item(3)]
keep = lst[1]
print('dropping the list')
lst = None
print('list gone, keep is item', keep.n)
del keep
items = []
for i in range(5):
    items.append(Item(i * 10))
print('clearing')
items.clear()
print('cleared')
