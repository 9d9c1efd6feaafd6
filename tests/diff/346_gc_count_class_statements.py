# gc.get_count() across class statements: each allocates the argument
# tuple of the type call, (object,), the dict copy, the type, its mro, two
# descriptors, a weak reference for object's subclasses, a copy of the
# dict for __set_name__, and a super object and bound method for
# __init_subclass__, some of them from free lists.
import gc
gc.collect()
gc.disable()
print(gc.get_count())
class A:
    pass
print(gc.get_count())
class B:
    def __init__(self):
        self.x = 1
print(gc.get_count())
del A
print(gc.get_count())
print(gc.collect())
print(gc.get_count())
class C:
    pass
class D:
    pass
print(gc.get_count())
x = [C(), D()]
print(gc.get_count())
del C, D, x
print(gc.collect())
print(gc.get_count())
