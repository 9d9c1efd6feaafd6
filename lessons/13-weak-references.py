#: title: Weak references
#: summary: A weak reference refers to an object without adding to its reference count, returns None once the object is gone, and can call a function when it goes, which makes caches that do not keep their objects alive.
#: level: 3
#: prerequisites: 12-finalizers
#:
#: Every reference so far has been a strong reference: it counts, and it
#: keeps its object alive. weakref.ref(obj) makes a weak reference: a small
#: object of its own that remembers obj without counting as a reference to
#: it. Calling the weak reference returns obj while obj is alive, and None
#: after it has been freed. A weak reference can also carry a callback, a
#: function called with the weak reference as the object goes.
#:
#: Instances of classes can be referred to weakly; lists, dicts, ints and
#: strs cannot (weakref.ref raises TypeError for them).
import gc
import sys
import weakref

#: A clean start, with automatic collections off until the end.
gc.collect()
gc.disable()


class Photo:
    def __init__(self, name):
        self.name = name


#: An ordinary object with one strong reference, the name p.
p = Photo("cat")
#: The weak reference is a new object (80 bytes), but the photo's count does
#: not change: it is still 1, the name p.
r = weakref.ref(p)
#@ expect refcount(p) == 1
#@ expect size(r) == 80
#@ ask "What will sys.getrefcount(p) print?" = refcount(p) + 1 because "The weak reference adds nothing to the count: p is the only reference, plus getrefcount's own argument."
print(sys.getrefcount(p), sys.getsizeof(r))
#: Calling r gives the object back: a new strong reference, for as long as
#: the result is kept.
print(r() is p, r().name)
#@ label cat = p
#: Deleting p drops the last strong reference. The weak one does not keep
#: the photo alive: it is freed at once, and from now on r returns None.
del p    #@ pause
#@ expect not alive(cat)
print(r() is None)


#: A callback is called with the weak reference itself when its object goes.
def gone(ref):
    print("callback: the photo is gone, and ref() is", ref())


#: A photo watched by a weak reference with a callback.
q = Photo("dog")
watcher = weakref.ref(q, gone)
#: The callback runs during the del, as the dog photo is freed.
#@ step event
del q
#@ step line
print("after del q")
#: Now the use that matters: a cache. This one maps a name to a weak
#: reference to its photo. A photo stays in the cache only while someone
#: else uses it; when it is freed, the callback removes its entry.
cache = {}


def drop_dead(ref):
    for key in list(cache):
        if cache[key] is ref:
            del cache[key]
            print("cache: dropped", key)


def load(name):
    if name in cache:
        photo = cache[name]()
        if photo is not None:
            return photo
    photo = Photo(name)
    cache[name] = weakref.ref(photo, drop_dead)
    return photo


#: The first load makes the photo; the second finds it in the cache.
first = load("sunset")
second = load("sunset")
#@ expect same(first, second)
#@ expect refcount(first) == 2
#@ expect len(cache) == 1
print(first is second, len(cache))
#@ label sunset = first
#: The cache does not keep the photo alive: when its users let go, it is
#: freed, and the callback removes the entry from the cache.
del first, second
#@ expect not alive(sunset)
#@ expect len(cache) == 0
print(len(cache))    #@ pause
#: Compare a cache of strong references: every photo put in it stays alive
#: for as long as the cache does, used or not. That is a leak.
strong = {}
photo = Photo("beach")
strong["beach"] = photo
#@ label beach = photo
del photo
#@ expect alive(beach)
print(len(strong), strong["beach"].name)
#: Weak references and the cycle collector: when a cycle with a weakly
#: referenced object is collected, the collector first clears the weak
#: references and calls their callbacks, and only then calls the
#: finalizers. So inside __del__ the weak reference is already dead.


class Node:
    def __del__(self):
        print("Node.__del__: the weak reference gives", ring_ref())


def ring_gone(ref):
    print("callback of the weak reference to the ring")


n = Node()
n.me = n
ring_ref = weakref.ref(n, ring_gone)
#@ ask "Which will run first, the weak reference's callback or __del__ (callback or __del__)?" = "callback" because "The collector handles weak references (clearing them and calling their callbacks) before it calls any finalizer."
del n
#@ show collector
print("collected", gc.collect())
#@ show all
strong.clear()
#@ expect not alive(beach)
print(ring_ref())
gc.enable()
