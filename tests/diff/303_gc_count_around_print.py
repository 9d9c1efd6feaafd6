# gen-0 count changes around print: its *args tuple, sys.stdout's pending
# list, the repr state made on first use, set_repr's temporary list.
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
print("x")
mark()
print([1, 2])
mark()
print((1, 2), {1: 2})
mark()
print({3, 4})
mark()
print({}, [], ())
mark()
x = [1]
print(x, x, "a", 5)
mark()
gc.collect()
mark()
print("after")
mark()
print([9])
mark()
print(log)
