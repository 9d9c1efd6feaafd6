# A class attribute holding an instance makes a class <-> instance cycle: kept while the
# class is named, collected (instance finalized, weakrefs dead) once it is dropped.
import gc
import weakref
gc.disable()
gc.collect()
def make():
    class Registry:
        def __del__(self):
            print('Registry instance __del__')
    Registry.only = Registry()
    return Registry
cls = make()
w = weakref.ref(cls)
wi = weakref.ref(cls.only)
print('class named:', gc.collect(), w() is cls, wi() is cls.only)
del cls
print('class dropped, something collected:', gc.collect() > 2)
print(w(), wi())
