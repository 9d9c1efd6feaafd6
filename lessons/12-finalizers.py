#: title: Finalizers
#: summary: __del__ runs when an object's count reaches zero, or, for cyclic garbage, when the collector finalizes it before breaking the cycle; it runs at most once, even if it resurrects the object.
#: level: 3
#: prerequisites: 11-generations
#:
#: A finalizer is code that runs just before an object is freed: for a class,
#: its __del__ method. When the last reference to an object goes, CPython
#: calls __del__ at once, then frees the object. Cyclic garbage is harder: its
#: counts never reach zero. Since Python 3.4 (PEP 442) the collector handles
#: it in steps: it finds the unreachable objects, calls every finalizer among
#: them, checks whether the finalizers made any of them reachable again, and
#: only then breaks the cycles by clearing the objects' references, which
#: lets reference counting free them.
#:
#: Watch the Collector pane: the collection's phases include finalize_garbage
#: and handle_resurrected_objects.
import gc

gc.collect()
gc.disable()


#: Each Link names the link after it. Its finalizer can still use that
#: link: no cycle has been broken yet when finalizers run.
class Link:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print("finalizing", self.name, "whose next is", self.next.name)


#: A ring of three: a -> b -> c -> a.
a = Link("a")
b = Link("b")
c = Link("c")
a.next = b
b.next = c
c.next = a
#@ label link_a = a
#: Without their names the three Links are cyclic garbage. Each count stays
#: at 1, so no finalizer runs yet.
del a, b, c
#@ expect alive(link_a)
#: Next, the collector calls the three finalizers, in the order of its
#: generation list, which is the order the objects were created in (an
#: implementation detail: never rely on it). Each finalizer sees its object
#: intact. Then the references are cleared and the three objects freed. The
#: Collector pane takes the whole screen for the collection: press ] to go
#: from phase to phase, and watch for finalize_garbage.
#@ ask "How many objects will this collection report?" = 3 because "The three Links were unreachable; their finalizers did not make any of them reachable again, so all three are counted and freed."
print("the ring is unreachable")
#@ show collector
found = gc.collect()    #@ pause
#@ show all
#@ expect not alive(link_a)
print("collected", found)
#: A finalizer can resurrect its object: make it reachable again, here by
#: storing self in a global list.
saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__ runs")
        saved.append(self)


#: A Phoenix in a cycle of its own, through its attribute me.
bird = Phoenix()
bird.me = bird
#@ label the_bird = bird
del bird
#: The collector finalizes the bird, then finds it reachable from saved: it
#: is resurrected. It is not freed, and not counted: the collection reports 0.
found = gc.collect()
#: It has two references again: the slot of saved and its own attribute me.
#@ expect alive(the_bird)
#@ expect refcount(the_bird) == 2
print("collected", found, "and saved holds", len(saved))
#: Drop it once more. This time nothing is printed: CPython marks an object
#: as finalized and never calls its __del__ twice. The bird is simply freed.
saved.clear()
found = gc.collect()
#@ expect not alive(the_bird)
#@ ask "How many times did Phoenix.__del__ run in all?" = 1 because "A finalizer runs at most once per object. The second time the bird became garbage it was already marked as finalized."
print("collected", found)
#: gc.garbage is where the collector puts objects it may not free. Since
#: Python 3.4 finalizers no longer stop a collection, so it stays empty.
print(gc.garbage)
#: For debugging, gc.DEBUG_SAVEALL makes the collector keep every
#: unreachable object in gc.garbage instead of freeing it.
gc.set_debug(gc.DEBUG_SAVEALL)
loop = []
loop.append(loop)
#@ label the_loop = loop
del loop
print("collected", gc.collect(), "and kept", len(gc.garbage))
#@ expect alive(the_loop)
#: Switch it off again, empty gc.garbage, and the cycle is an ordinary piece
#: of garbage, which the next collection frees.
gc.set_debug(0)
gc.garbage.clear()
print("collected", gc.collect())
#@ expect not alive(the_loop)
gc.enable()
