# Deleting entries never shrinks a dict; adding after deletes may trigger
# a resize that compacts; clear() returns to the small empty form.
import sys
d = {}
for i in range(10):
    d['k' + str(i)] = i
print(len(d), sys.getsizeof(d))
for i in range(9):
    del d['k' + str(i)]
print(len(d), sys.getsizeof(d))
d.pop('k9')
print(len(d), sys.getsizeof(d))
for i in range(12):
    d['n' + str(i)] = i
    print(len(d), sys.getsizeof(d))
d.clear()
print(len(d), sys.getsizeof(d))
d['again'] = 1
print(len(d), sys.getsizeof(d))
e = {}
for i in range(5):
    e[i] = i
    del e[i]
print(len(e), sys.getsizeof(e))
e[99] = 0
print(len(e), sys.getsizeof(e))
