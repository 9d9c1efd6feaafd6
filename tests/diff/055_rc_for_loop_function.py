# The same loop inside a function: locals instead of globals, same counts.
import sys
def walk(items):
    for it in items:
        print('items', sys.getrefcount(items), 'item', sys.getrefcount(it))
    print('after loop, last item', sys.getrefcount(it))
def walk_dict(d):
    for k in d:
        print('dict', sys.getrefcount(d), 'value', sys.getrefcount(d[k]))
data = [[], {}]
walk(data)
print('back in module:', sys.getrefcount(data), sys.getrefcount(data[1]))
walk_dict({'x': data})
def early(items):
    for it in items:
        return it
first = early(data)
print('returned from inside the loop:', sys.getrefcount(data), sys.getrefcount(first))
