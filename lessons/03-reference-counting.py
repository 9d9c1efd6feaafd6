#: title: Reference counting
#: summary: Every reference to an object is counted, and sys.getrefcount shows the count plus the one reference its own argument adds.
#: level: 1
#: prerequisites: 02-the-stack-and-the-heap
#:
#: Every object on CPython's heap carries a reference count, ob_refcnt: the
#: number of references that point at it. A name bound to it is one, a slot of
#: a list, tuple or dict is one, a local variable of a running frame is one, an
#: iterator walking over it is one. Each new reference increments the count;
#: each reference dropped decrements it; and the moment the count reaches zero
#: the object is freed.
#:
#: sys.getrefcount(x) reports the count, but calling it passes x as an
#: argument, which is one more reference for the duration of the call. So it
#: always prints one more than the count you see in the Heap pane's refs column.
import sys

#: A new list with one reference: the name box.
box = [0]
#@ expect refcount(box) == 1
#: getrefcount prints 2: the name box, plus the argument of the call.
print(sys.getrefcount(box))
#: A list that no name refers to: only the argument refers to it, so this
#: prints 1, and the list is freed as soon as the call returns.
print(sys.getrefcount([7, 8]))
#: A second name is a second reference.
other = box
#@ expect refcount(box) == 2
print(sys.getrefcount(box))
#: Each slot of a list is a reference of its own: this list refers to box
#: three times, so the count goes up by three. Step through this line one
#: memory event at a time to see each increment in the Log pane.
#@ step event
shelf = [box, box, box]
#@ step line
#@ expect refcount(box) == 5
#@ ask "What will sys.getrefcount(box) print on this line?" = refcount(box) + 1 because "box has 5 references (box, other and three slots of shelf), and the call adds its argument: 6."
print(sys.getrefcount(box))
#: A dict holds references to its keys and its values: one more for box.
card = {"item": box}
#@ expect refcount(box) == 6
print(sys.getrefcount(box))


#: A function's parameter is a local variable of its frame, and so one more
#: reference while the call runs.
def peek(x):
    #: In CPython 3.11 the argument is counted once, by the local x: the
    #: caller's temporary reference is handed over to the new frame, not
    #: copied. (Python 3.10 counted it twice.)
    #@ expect refcount(x) == 7
    return sys.getrefcount(x)


#: Inside peek the count is 7, and getrefcount adds its own argument: 8.
print(peek(box))    #@ pause
#: A for loop adds references too: the loop's iterator refers to the list it
#: walks over, and the loop variable item refers to the current element.
for item in shelf:
    #@ expect refcount(shelf) == 2
    #@ expect refcount(box) == 7
    #@ ask "How many references does the list shelf have inside the loop?" = refcount(shelf) because "The name shelf, and the list iterator that the for statement made to walk over it."
    print(sys.getrefcount(shelf), sys.getrefcount(item))
    break
#: The loop is over and its iterator is gone, so shelf is back to one
#: reference. But the name item is still bound, to box: a loop variable
#: outlives its loop, and box keeps its 7 references.
#@ expect refcount(shelf) == 1
#@ expect refcount(box) == 7
print(sys.getrefcount(shelf), sys.getrefcount(box))
#: Now the other direction. Binding other to a new list drops its reference
#: to box: the count goes down by one.
other = [1]
#@ expect refcount(box) == 6
#: Emptying shelf drops its three references, and emptying card one more.
shelf.clear()
card.clear()
#@ expect refcount(box) == 2
print(sys.getrefcount(box))
#: The names item and box are the last two references.
item = None
#@ label the_box = box
#@ expect refcount(box) == 1
#: When the last reference goes, the count reaches zero and the list is freed
#: at once, in the middle of this statement: nobody has to wait for a garbage
#: collector.
box = None    #@ pause
#@ expect not alive(the_box)
#: other still refers to the list [1] it was bound to earlier, its only
#: reference.
#@ expect refcount(other) == 1
print(sys.getrefcount(other))
