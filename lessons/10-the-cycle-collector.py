#: title: The cycle collector
#: summary: The collector copies each container's reference count into gc_refs, subtracts the references from inside the generation, and what nothing outside can reach is unreachable garbage.
#: level: 2
#: prerequisites: 09-reference-cycles
#:
#: CPython's cycle collector only looks at containers, the objects that can
#: refer to other objects (lists, dicts, tuples, instances, functions, ...).
#: It keeps them on the lists of its generations. A collection of a
#: generation works on a copy of each object's reference count, gc_refs, in
#: three phases:
#:
#: update_refs: gc_refs = the reference count, for every object collected.
#: subtract_refs: for each reference from one collected object to another,
#: subtract 1 from the target's gc_refs. What remains counts the references
#: from outside: from names, frames, or objects not being collected.
#: move_unreachable: an object with gc_refs above 0 is reachable, and so is
#: everything it refers to, and everything they refer to. The others are
#: unreachable: garbage, to be freed.
#:
#: Watch the Collector pane, and the gc_refs column that the Heap pane shows
#: during a collection.
import gc

#: A full collection to start from a clean state, then the automatic
#: collections are switched off: this lesson starts each one itself.
gc.collect()
gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


#: Two rings of two objects. x and y will be garbage.
x = Node("x")
y = Node("y")
x.next = y
y.next = x
#: p and q will stay in use, through the name keep.
p = Node("p")
q = Node("q")
p.next = q
q.next = p
keep = p
#@ label node_x = x
#@ label node_p = p
#@ label node_q = q
#: Drop the four names. x and y now have a count of 1 each, from each other;
#: p has 2 (keep and q.next); q has 1 (p.next).
del x, y, p, q
#@ expect refcount(node_x) == 1
#@ expect refcount(node_p) == 2
#@ expect gen(node_p) == 0
#: gc.collect(0) collects generation 0 only, where all four objects are, as
#: is every container made since the collection at the top of the lesson. The module's
#: namespace dict, which holds keep, is older: it is not being collected, so
#: its reference counts as one from outside. Press ] to go from one phase of
#: the collection to the next, [ to go back.
#@ ask "After subtract_refs, what will gc_refs be for p's object?" = refcount(node_p) - 1 because "Its count is 2. The reference from q is internal to generation 0 and is subtracted; the one from keep, in the module's dict outside generation 0, remains: 1."
found = gc.collect(0)    #@ pause
#: x and y were unreachable and are freed. p and q were reachable: p from
#: outside, q from p. The survivors of a generation-0 collection move up to
#: generation 1.
#@ expect not alive(node_x)
#@ expect alive(node_q)
#@ expect gen(node_q) == 1
print(found, keep.next.name)
#: The result counts unreachable containers only. This cycle is one list,
#: which refers to two strings: the strings are freed with it, but as they
#: are not containers, the collector never counted them.
bag = ["a" + str(1), "b" + str(2)]
bag.append(bag)
del bag
#@ ask "What will gc.collect() return for the list bag?" = 1 because "Only the list is a container tracked by the collector. The two strings are freed when the list is cleared, without being counted."
print(gc.collect())
#: In CPython 3.11 an instance keeps its attributes in a plain array of
#: values, which is not a container of its own. But the first time someone
#: asks for an instance's __dict__, a real dict object is made for it, and
#: that dict is one more container to collect.
u = Node("u")
v = Node("v")
u.next = v
v.next = u
print(len(u.__dict__))
del u, v
#: Two instances and u's dict: 3. (v's dict was never asked for.)
print(gc.collect())
#: With nothing unreachable left, a collection finds nothing.
found = gc.collect()
print(found)
#@ expect alive(node_p)
gc.enable()
