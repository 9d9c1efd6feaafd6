#: title: Reference cycles
#: summary: Objects that refer to each other in a cycle keep each other's counts above zero, so reference counting alone never frees them.
#: level: 2
#: prerequisites: 08-shared-objects
#:
#: Reference counting frees an object the moment nothing refers to it. But
#: when objects refer to each other in a ring, a cycle, each one always has at
#: least one reference: the one from its neighbour in the ring. Drop every
#: name, and the ring is unreachable from the program, yet no count reaches
#: zero and nothing is freed. Memory leaks.
#:
#: CPython therefore has a second mechanism, the cycle collector, which the
#: next lesson takes apart. Here it is switched off with gc.disable(), so that
#: the leak stays in plain sight.
import gc
import sys

#: A collection first, to start from a clean state, then the automatic
#: collector is switched off.
gc.collect()
gc.disable()
#: The simplest cycle: a list that contains itself. Its one slot refers to
#: the list, so the list has two references: the name and its own slot.
loop = []
loop.append(loop)
#@ expect refcount(loop) == 2
print(sys.getrefcount(loop))
#@ label self_list = loop
#: Deleting the name leaves the count at 1, not 0. No name refers to the list
#: any more; the program can never reach it again; but its own slot keeps it
#: alive.
del loop    #@ pause
#@ expect alive(self_list)
#@ ask "What is the list's reference count now?" = refcount(self_list) because "The name is gone, but the list's own slot still refers to it: 1, never 0."
print("the list is unreachable but alive")


#: A class whose instances print a line when they are freed.
class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print("freed", self.name)


#: First, no cycle: a refers to b, but b does not refer back.
a = Node("a")
b = Node("b")
a.partner = b
#: Deleting the name b frees nothing: a.partner still refers to b's object.
del b
#: Deleting a frees a, which drops its reference to b, which is freed too.
#: Counting handles chains of any length.
del a
print("the chain is gone")
#: Now a real cycle: c and d refer to each other.
c = Node("c")
d = Node("d")
c.partner = d
d.partner = c
#@ label node_c = c
#@ label node_d = d
#@ expect refcount(c) == 2
#@ expect refcount(d) == 2
#: Each has two references: its name and its partner's attribute.
print(sys.getrefcount(c), sys.getrefcount(d))
#: Deleting both names leaves each with the one reference from the other.
#: Nothing is printed: neither object is freed.
del c, d    #@ pause
#@ expect alive(node_c)
#@ expect alive(node_d)
#@ ask "What is the reference count of c's object now?" = refcount(node_c) because "d's partner attribute still refers to it, and d's object is kept alive in turn by c's partner attribute."
print("c and d are unreachable but alive")
#: Breaking a cycle by hand works: setting one link to None before dropping
#: the names turns the ring back into a chain.
e = Node("e")
f = Node("f")
e.partner = f
f.partner = e
e.partner = None
del e, f
print("the broken cycle is gone")


#: Cycles are easy to make without noticing. Each Leaf refers to itself, so
#: every call of make_garbage leaves one unreachable Leaf behind.
class Leaf:
    def __init__(self):
        self.me = self


def make_garbage():
    leaf = Leaf()
    return None


#: Fifty calls, fifty leaked objects. Press r to run to the breakpoint after
#: the loop, and look at the Heap pane: the Leaf objects are all still there.
i = 0
while i < 50:
    make_garbage()
    i = i + 1
#@ break
#@ expect objects() > 50
#: Next, the cycle collector finds the unreachable cycles and frees them:
#: the list, c and d, and the fifty leaves. gc.collect() returns how many
#: objects it found unreachable: 1 + 2 + 50 = 53. On the next step the
#: Collector pane takes the whole screen: press ] to follow the collection
#: phase by phase.
print("fifty leaves leaked")    #@ pause
#@ show collector
found = gc.collect()
#@ show all
#@ expect not alive(self_list)
#@ expect not alive(node_c)
print(found)
gc.enable()
