# A list that contains itself is cyclic garbage: gc.collect() finds 1 object,
# however many times the list refers to itself.
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
del l
print('self list:', gc.collect())
l = [1, 'two']
l.append(l)
l.append(l)
l.insert(0, l)
print(len(l), l.count(l))
del l
print('list holding itself three times:', gc.collect())
print('nothing left:', gc.collect())
