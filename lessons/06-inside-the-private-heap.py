#: title: Inside the private heap
#: summary: pymalloc serves small objects from arenas, pools and blocks of fixed size classes, and reuses a freed block, and so its address, for the next object of the same size class.
#: level: 2
#: prerequisites: 05-containers-hold-references
#:
#: CPython does not ask the operating system for memory each time it makes an
#: object. Requests of up to 512 bytes go to its own allocator, pymalloc, which
#: works in three layers. An arena is 1 MiB of memory mapped from the system.
#: An arena is cut into 64 pools of 16 KiB. A pool is cut into blocks that all
#: have the same size, its size class: a multiple of 16 bytes, from 16 up to
#: 512, so there are 32 size classes. A request is rounded up to its size class
#: and served with a free block from a pool of that class. Larger requests go
#: to the system's malloc.
#:
#: The Memory pane draws this map: one row of pools per arena, each pool
#: empty (.), in use (o) or full (#). Press + to zoom into an arena, and +
#: again to zoom into a pool and see its blocks; - zooms out.
import sys

#: int("1000001") makes a new int object of 28 bytes. Rounded up to a multiple
#: of 16, that is a 32-byte block, from a pool of the 32-byte size class.
a = int("1000001")
#@ expect size(a) == 28
#: id() gives the object's address, that is, the address of its block.
where = id(a)
#: Freeing the int gives its block back to its pool. The pool keeps its free
#: blocks on a list, last freed first out.
del a
#: So the next request for a 32-byte block gets the very block a had, and the
#: new int has the old int's address. Equal ids do not mean equal objects:
#: ids are only unique among objects alive at the same time.
b = int("2000002")
print(id(b) == where)    #@ pause
#: A string of ten ASCII characters takes 59 bytes, which pymalloc rounds up
#: to a 64-byte block, from a pool of another size class.
n = 10
#@ ask "What block size does pymalloc use for a 59-byte object?" = 64 because "Blocks come in multiples of 16 bytes: 59 is rounded up to 64, the next size class."
word = "w" * n
#@ expect size(word) == 59
print(sys.getsizeof(word))
#: Free the int b again. Its block goes back to the 32-byte pool, where the
#: string could never use it.
del b
#: The next int finds it there once more.
c = int("3000003")
print(id(c) == where, id(word) == where)
#: Lists add a layer of their own on top of pymalloc: a list that is freed
#: keeps its memory on the list type's free list (up to 80 of them), ready
#: for the next list. Its items live in a separate array, which is freed.
small = [1, 2]
spot = id(small)
#@ label first_list = small
del small
#@ expect not alive(first_list)
#: So a new list takes the old list's object, and its address, whatever its
#: length: the five items get an item array of their own.
other = [3, 4, 5, 6, 7]
#@ ask "Does other have the address that the list small had (True or False)?" = True because "A freed list is kept on the list free list, and the next list created takes it from there: same memory, same id."
print(id(other) == spot)
#: An object of more than 512 bytes does not come from a pool at all. This
#: 649-byte string comes from the system's malloc, listed under raw in the
#: Memory pane.
big = "x" * (n * 60)
#@ expect size(big) == 649
print(sys.getsizeof(big))
#: Now many objects of the largest size class: strings of 450 characters,
#: 499 bytes each, in 512-byte blocks. A pool of 16 KiB, less its 48-byte
#: header, holds 31 of them, so 2000 of them need 65 pools: more than an
#: arena has, so pymalloc must map a new arena. Press r to run the
#: loop to the breakpoint after it, where the Memory pane takes the whole
#: screen for a step.
blocks = []
i = 0
while i < 2000:
    blocks.append("y" * (n * 45))
    i = i + 1
#@ break
#@ show memory
#@ expect len(blocks) == 2000
print(len(blocks), sys.getsizeof(blocks[0]))    #@ pause
#: Freeing the list frees the 2000 strings, and their pools become empty.
#: pymalloc returns an arena to the system only when every one of its pools
#: is empty, and even then keeps one wholly empty arena in reserve.
#@ show all
#@ label block_list = blocks
del blocks    #@ show memory
#@ expect not alive(block_list)
print("done")
