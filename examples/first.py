# A first look at Python's memory: step through with n (forward) and
# p (back); e, i and l step by memory event, instruction or line.
import gc
import sys

# A name on the stack refers to an object on the heap.
a = [1, 2, 3]
# A second name adds a reference; nothing is copied.
b = a
print(sys.getrefcount(a))
# del removes a name, not the object: one reference is left.
del b
print(sys.getrefcount(a))


def build(n):
    # Locals live in the function's frame; the list outlives it.
    items = [n, n * 2]
    return items


c = build(21)
print(c)
# A list that contains itself: reference counting alone cannot free it.
a.append(a)
del a
# The cycle collector finds it (press c to jump to the collection).
print(gc.collect())
