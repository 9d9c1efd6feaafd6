# A while loop indexing a list holds no iterator, a for loop's iterator does;
# an items() iterator also keeps its last (key, value) tuple for reuse.
import sys
items = [[], []]
i = 0
while i < len(items):
    print('while: items', sys.getrefcount(items), 'item', sys.getrefcount(items[i]))
    i += 1
for it in items:
    print('for: items', sys.getrefcount(items), 'item', sys.getrefcount(it))
for i in range(len(items)):
    print('for over range: items', sys.getrefcount(items))
word = 'abc' + str(len(items))
for ch in word:
    pass
print('string iterated:', sys.getrefcount(word))
d = {'k': items}
for key in d:
    print('for over a dict: d', sys.getrefcount(d))
for key, val in d.items():
    print('for over d.items(): d', sys.getrefcount(d), 'value', sys.getrefcount(val))
