# print(a, b, c) packs a 3-tuple; empty containers print without Py_ReprEnter.
import gc
gc.disable()
log = []
gc.collect()
c = gc.get_count()[0]
def mark():
    global c
    n = gc.get_count()[0]
    log.append(n - c)
    c = gc.get_count()[0]
mark()
print(1, 2, 3)
mark()
print({}, [], ())
mark()
print({}, 1)
mark()
print([], 1)
mark()
print((), 1)
mark()
print(log)
