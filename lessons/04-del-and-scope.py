#: title: del and scope
#: summary: del removes a name, not an object; an object dies when its last reference goes, whether by del, by rebinding or by the end of a call.
#: level: 1
#: prerequisites: 03-reference-counting
#:
#: The statement del x does not destroy an object. It removes the name x from
#: its namespace, and with the name one reference. The object is freed only if
#: that was its last reference. Local names are removed in the same way when a
#: function returns and its frame is popped.
#:
#: To see exactly when objects die, this lesson uses a small class whose
#: __del__ method prints a line as an instance is about to be freed. (Lesson 12
#: looks at __del__ itself more closely.)
import sys


#: A class whose instances announce their own end.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


#: One object, referred to by the name report.
report = Noisy("report")
#: A second name for it.
draft = report
#@ expect refcount(report) == 2
#: del draft removes the name draft from the module's namespace. Watch the
#: Stack pane: draft disappears, but the object stays on the Heap.
del draft    #@ pause
#@ label the_report = report
#@ expect alive(the_report)
#@ expect refcount(report) == 1
#@ ask "Did del draft free the object (True or False)?" = not alive(the_report) because "del removed one of two names; the object still has one reference, report, so it stays alive."
print(sys.getrefcount(report))
#: Now the last name goes, the count reaches zero, and the object is freed
#: during the del statement itself: "freed report" is printed before the next
#: line runs.
#@ step event
del report
#@ step line
#@ expect not alive(the_report)
print("after del report")
#: del also works on a slot of a list. Removing items[0] drops the list's
#: reference to the first object, its only one.
items = [Noisy("first"), Noisy("second")]
del items[0]
#@ expect len(items) == 1
print(len(items))


#: A local variable is a name in the frame of the call.
def work():
    temp = Noisy("temp")
    #@ label the_temp = temp
    #@ expect refcount(temp) == 1
    #: When work returns, its frame is popped and its local temp with it.
    #: Nothing else refers to the object, so it is freed on the way out.
    return 42


#: A function that returns its local object: the reference moves to the
#: caller, and the object survives the frame.
def make():
    kept = Noisy("kept")
    return kept


#: del inside a function removes a local name only.
def forget(thing):
    #@ expect refcount(thing) == 2
    del thing
    #: The caller's name still refers to the object: nothing was freed.
    return None


#: "freed temp" is printed while work returns, before print runs.
print(work())    #@ pause
#@ expect not alive(the_temp)
#: make's frame is popped too, but its object was returned: the reference of
#: the local kept is handed to the caller, and result is now its only one.
result = make()
#@ expect refcount(result) == 1
print(result.name)
#: Step into forget and watch its frame in the Stack pane: del thing removes
#: thing from that frame, and the object stays.
forget(result)
#@ ask "How many references does result have after forget returned?" = refcount(result) because "forget's parameter thing was a second reference while the call ran; del thing dropped it, and result is the only one left."
print(sys.getrefcount(result))
#: Rebinding a name drops its old reference as surely as del does: the
#: "kept" object is freed as result is bound to a new one.
result = Noisy("replacement")


#: A function that assigns to a global name must say so with global;
#: otherwise the assignment would create a local name of its own.
def reset():
    global result
    result = None


#: reset rebinds the module's name result, and the "replacement" object,
#: which it referred to, is freed.
reset()
#: The last object, "second", still sits in items. Emptying the list frees it.
items.clear()
print("done")
