#: title: Generations
#: summary: New containers start in generation 0; a collection moves its survivors to the next generation, and counts and thresholds decide when each generation is collected automatically.
#: level: 2
#: prerequisites: 10-the-cycle-collector
#:
#: Most objects die young, and an object that has survived a while is likely
#: to live on. So CPython's collector keeps three generations. New containers
#: go into generation 0; the survivors of a collection of a generation move
#: up to the next one; generation 2 is the last. Young generations are
#: collected often and cheaply, old ones rarely.
#:
#: Three counts decide when. count0 goes up by one for each container
#: allocated and down for each one freed (a list, dict or tuple recycled
#: through its type's free list counts neither way), and when it exceeds
#: threshold 0, 700, generation 0 is collected automatically. count1 counts the
#: collections of generation 0 since the last of generation 1, which is
#: collected as well once count1 exceeds 10; count2 does the same for
#: generation 2. gc.get_count() returns the three counts. The Collector pane
#: shows them, with the objects in each generation.
import gc

print(gc.get_threshold())
#: A full collection sets all three counts to 0 and puts every surviving
#: container in generation 2.
gc.collect()
#@ expect gc_count(0) == 0
#@ expect gc_count(1) == 0
#: A new list is a container: count0 becomes 1.
box = []
#@ expect gc_count(0) == 1
#@ expect gen(box) == 0
#: Another one: 2.
crate = [box]
#@ expect gc_count(0) == 2
#: A string can refer to no other object, so it is not a container: the
#: collector never sees it, and count0 stays at 2.
word = "spam" * (len(crate) + 1)
#@ ask "What is count0 now?" = gc_count(0) because "Only containers are counted. The two lists were; the string made on the previous line was not."
#@ expect gc_count(0) == 2
print(gc.get_count())
#: Collect generation 0 only. count0 goes back to 0, count1 records one
#: collection of generation 0, and the surviving lists move to generation 1.
#: For the next step the Collector pane takes the whole screen: see the
#: counts and the generations' lists.
gc.collect(0)
#@ show collector
#@ expect gen(box) == 1
#@ expect gc_count(1) == 1
print(gc.get_count())
#: Collecting generation 1 (and, with it, generation 0) moves them on to
#: generation 2, and counts one collection of generation 1 in count2.
#@ show all
gc.collect(1)
#@ expect gen(box) == 2
#@ expect gen(crate) == 2
#@ expect gc_count(2) == 1
print(gc.get_count())
#: Now let the collector run by itself. Each pass of this loop makes a new
#: list and keeps it. On the 701st container, count0 exceeds the threshold
#: and a collection of generation 0 starts right inside that allocation.
#: Press c to run to the start of the collection, then r to run on to the
#: breakpoint after the loop.
keep = []
#@ expect gen(keep) == 0
i = 0
while i < 800:
    keep.append([])
    i = i + 1
#@ break
#: One automatic collection happened. keep, and the lists made before it,
#: survived and moved to generation 1. The lists made since are still in
#: generation 0.
#@ expect gen(keep) == 1
#@ expect gc_count(1) == 1
#@ ask "Which generation is the list keep in now?" = gen(keep) because "It was in generation 0 when the automatic collection of generation 0 ran, and as it was still in use it moved up one generation."
newest = keep[799]
#@ expect gen(newest) == 0
print(gc.get_count())    #@ pause
#: Keep going. Every 701 new containers another collection of generation 0
#: runs, and count1 goes up; when it would exceed 10, that is on the 12th
#: collection, generation 1 is collected too, and its survivors move to
#: generation 2. Press r to run to the next breakpoint.
while i < 9000:
    keep.append([])
    i = i + 1
#@ break
#@ expect gen(keep) == 2
print(gc.get_count())
#: Generation 2 is collected automatically only when count2 exceeds 10, and
#: then only if the objects waiting in it since the last full collection
#: number at least a quarter of those that survived it: with a large heap,
#: full collections are rare. gc.collect() always collects all three
#: generations.
gc.collect()
#@ expect gc_count(0) == 0
#@ expect gen(newest) == 2
print(gc.get_count())
