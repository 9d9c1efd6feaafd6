#: title: The stack and the heap
#: summary: Each call pushes a frame that holds its locals; the frame goes when the call returns, but the objects it returns live on.
#: level: 1
#: prerequisites: 01-everything-is-an-object
#:
#: A running program has two kinds of memory. The stack holds one frame per
#: function call in progress: the frame remembers where the call is and holds
#: its local variables, the names of the call. The heap holds the objects those
#: names refer to. A call pushes a new frame on top of the stack, and a return
#: pops it off again, dropping its local names.
#:
#: In CPython 3.11 a frame is not itself an object on the heap: it lives on a
#: separate stack of its own, and calling a function allocates no frame object.
#: Watch the Stack pane grow and shrink, and see which objects on the Heap
#: survive the frames that made them.
import sys


#: def only builds the function object. Nothing inside runs yet.
def make_pair(a, b):
    #: This line runs in a new frame, frame 1, on top of the module's frame.
    #: Its locals a and b are the arguments; pair will be the new list.
    pair = [a, b]
    #@ expect refcount(pair) == 1
    #: Only the local name pair refers to the list, so sys.getrefcount prints
    #: 2: the one reference plus the temporary one made by passing the list
    #: as the argument of getrefcount.
    print(sys.getrefcount(pair))
    #: return hands the list back to the caller, and the frame is popped.
    return pair    #@ pause


#: Another function, whose list is only scratch work.
def longest(words):
    lengths = []
    for w in words:
        lengths.append(len(w))
    #@ label scratch = lengths
    #@ expect refcount(lengths) == 1
    #: lengths is referred to by this frame's local name only. When the
    #: frame is popped, that reference goes, and with it the list.
    return max(lengths)


#: A function that calls itself: each call gets a frame of its own.
def build(n):
    #@ show stack
    if n == 0:
        #@ show all
        #@ pause
        #@ ask "How many frames of build are on the stack at this moment?" = 4 because "build(3) called build(2), which called build(1), which called build(0); none of them has returned yet, so there is one frame for each call."
        return []
    inner = build(n - 1)
    #: Each frame appends its own n to the list that came back from the call
    #: below, then returns it to the call above.
    inner.append(n)
    return inner


#: Calling make_pair pushes its frame. Step into it with n.
first = make_pair(3, 4)
#: The frame of make_pair is gone, and its name pair with it, but the list
#: survives: the module's name first now refers to it.
#@ expect refcount(first) == 1
#@ expect len(first) == 2
print(sys.getrefcount(first))
#: A second call pushes a fresh frame and builds a second, separate list.
second = make_pair(5, 6)
#@ ask "Do first and second refer to the same list (True or False)?" = same(first, second) because "Each call ran the list display [a, b] in its own frame, so each call built a new list object."
#@ expect not same(first, second)
print(first is second)
#: The scratch list of longest lives only as long as its frame.
result = longest(["stack", "heap", "frame"])
#@ expect not alive(scratch)
print(result)
#: Now the recursion. Step into it and watch the stack grow to five frames,
#: then shrink back to one. While build calls itself, the Stack pane takes
#: the whole screen; at the deepest call, build(0), the usual layout comes
#: back. By then the stack holds the module's frame and four frames of
#: build, each with its own local n: 3, 2, 1 and 0.
numbers = build(3)
#: All four frames of build are gone. The one list they passed from frame to
#: frame is still here, referred to by numbers.
#@ expect refcount(numbers) == 1
#@ expect len(numbers) == 3
print(numbers)
