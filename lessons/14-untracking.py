#: title: Untracking
#: summary: Tuples and dicts that hold only atomic objects can never be part of a cycle, so the collector takes them off its lists: tuples when they survive any collection, dicts only in a full one.
#: level: 3
#: prerequisites: 13-weak-references
#:
#: Every collection walks over all the objects of the generations it
#: collects, so each object on the collector's lists costs time. But some
#: containers can never be part of a cycle: a tuple or a dict whose contents
#: are all atomic, objects such as ints and strs that refer to nothing the
#: collector follows. CPython takes such containers off the collector's lists,
#: untracks them, to save that work. gc.is_tracked(x) tells whether x is on
#: a list. The Collector pane counts the objects of each generation, and the
#: Heap pane's gen column shows "-" for objects not tracked.
#:
#: The rules differ. A tuple is tracked when it is made and untracked by the
#: first collection it survives, if its items are all atomic or untracked. A
#: dict starts untracked, becomes tracked as soon as a key or value that the
#: collector tracks goes into it, and is untracked again only by a full
#: collection.
import gc

gc.collect()
gc.disable()
#: Atomic objects are never tracked: an int or a str cannot refer to any
#: other object. Any list, and any instance, is tracked from the start.
n = 1000
s = "x" * n
#@ expect not tracked(n)
#@ expect not tracked(s)
print(gc.is_tracked(n), gc.is_tracked(s), gc.is_tracked([]))
#: A tuple built at run time starts tracked, whatever it holds.
pair = (n, s)
#@ expect tracked(pair)
#@ expect gen(pair) == 0
print(gc.is_tracked(pair))
#: A tuple that holds a list may be part of a cycle some day: the list can
#: change, and could come to hold the tuple.
mixed = (n, [])
#@ expect tracked(mixed)
#: A constant tuple was made by the compiler and is already untracked.
const = (1, 2)
#@ expect not tracked(const)
print(gc.is_tracked(mixed), gc.is_tracked(const))
#: Even a collection of generation 0 checks its surviving tuples: pair holds
#: only atomic objects, so it is untracked; mixed holds a list and stays.
gc.collect(0)    #@ pause
#@ expect not tracked(pair)
#@ expect gen(pair) == -1
#@ expect tracked(mixed)
#@ expect gen(mixed) == 1
#@ ask "Is pair still tracked by the collector (True or False)?" = tracked(pair) because "It survived a collection holding only an int and a str, which can never lead back to it, so the collector untracked it."
print(gc.is_tracked(pair), gc.is_tracked(mixed))
#: A new dict is not tracked, and neither is one that holds only atomic keys
#: and values.
d = {}
d["a"] = 1
d["b"] = "two"
#@ expect not tracked(d)
print(gc.is_tracked(d))
#: Storing a container in it makes the dict tracked at once.
d["c"] = []
#@ expect tracked(d)
print(gc.is_tracked(d))
#: Replacing the list by an int does not untrack it: the dict does not check
#: its other values at each store.
d["c"] = 3
#@ expect tracked(d)
print(gc.is_tracked(d))
#: A collection of generations 0 and 1 leaves dicts alone.
gc.collect(1)
#@ expect tracked(d)
#@ ask "Which generation is d in now?" = gen(d) because "gc.collect(1) collected generations 0 and 1 and moved the survivors, d among them, to generation 2; only a full collection untracks dicts."
print(gc.is_tracked(d))
#: Only a full collection untracks dicts whose contents are all atomic.
gc.collect()
#@ expect not tracked(d)
print(gc.is_tracked(d))
#: An untracked tuple stored in a dict does not make the dict tracked: there
#: is nothing to follow. A tracked one does.
e = {"t": pair}
f = {"t": (n, s)}
#@ expect not tracked(e)
#@ expect tracked(f)
print(gc.is_tracked(e), gc.is_tracked(f))
gc.enable()
