# During a for loop over a list, the loop variable holds a reference to the
# current item and the hidden list iterator holds one to the list.
import sys
a = []
b = []
items = [a, b]
print('before: items', sys.getrefcount(items), 'a', sys.getrefcount(a))
for it in items:
    print('in loop: items', sys.getrefcount(items), 'item', sys.getrefcount(it))
print('after: items', sys.getrefcount(items), 'b', sys.getrefcount(b), 'a', sys.getrefcount(a))
del it
print('loop variable deleted: b', sys.getrefcount(b))
t = (a, a)
for x in t:
    print('tuple loop: t', sys.getrefcount(t), 'a', sys.getrefcount(a))
for i in range(2):
    for y in items:
        pass
print('nested loops done: items', sys.getrefcount(items), 'b', sys.getrefcount(b))
