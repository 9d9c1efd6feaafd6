#: title: Everything is an object
#: summary: Names refer to objects, and every object lives on the interpreter's private heap with a type, a reference count and a value.
#: level: 1
#:
#: In Python every value is an object: a piece of memory that records the
#: object's type, its reference count (how many references point at it) and
#: its value. A variable is not a box that holds a value; it is a name that
#: refers to an object. Names live in namespaces (here the module's, shown in
#: the Stack pane as the locals of frame 0), while objects live on the private
#: heap that the interpreter manages for itself (the Heap pane). Each object in
#: the Heap pane has a handle (#N), a type, an address (what id() returns), a
#: size in bytes and its number of references (refs).
#:
#: Step forward with n and back with p. Keep an eye on both panes as you go.
import sys

#: The list display builds a new list object on the heap, and the assignment
#: binds the name numbers to it. In the Heap pane the list has three items and
#: one reference: the name numbers.
numbers = [10, 20, 30]
#@ expect type(numbers) == "list"
#@ expect len(numbers) == 3
#@ expect refcount(numbers) == 1
#: Every object knows its type, and type() returns it. The type is an object
#: too: the class list itself.
print(type(numbers))
#: Assignment never copies an object. It only binds a name. After this line
#: alias is a second name for the very same list. Step through it one memory
#: event at a time: the Log pane shows the list's count changing, to end at
#: 2, and no object being allocated.
#@ step event
alias = numbers    #@ pause
#@ step line
#@ ask "How many references does the list have now?" = refcount(numbers) because "The names numbers and alias both refer to the one list. Binding a name adds a reference to the object and copies nothing."
#@ expect same(alias, numbers)
#: The operator is compares identity: whether two references point at one
#: object. Here it prints True.
print(alias is numbers)
#: A change made through one name is seen through the other, because there
#: is only one list to change.
alias.append(40)
#@ expect len(numbers) == 4
print(numbers)
#: list(numbers) is different: it builds a new list object whose slots refer
#: to the same four int objects. Now there are two lists on the heap.
copy = list(numbers)
#@ expect not same(copy, numbers)
#@ expect refcount(numbers) == 2
#: The operator == compares values, and is compares identity. The two lists
#: are equal but they are not the same object.
print(copy == numbers, copy is numbers)
#: An object keeps its identity for its whole life. id() gives it (in
#: CPython, the object's address), so equal ids mean the same object. The
#: addresses themselves change from run to run, so we only compare them.
print(id(alias) == id(numbers), id(copy) == id(numbers))
#: A list's slots hold references, not values. numbers[0] and copy[0] refer to
#: the same int object 10, which both lists share.
print(numbers[0] is copy[0])
#: Integers are objects too, with a type and a size. sys.getsizeof() gives an
#: object's size in bytes: 28 for this int (a 24-byte header plus one 4-byte
#: digit).
count = 1000
#@ expect type(count) == "int"
#@ expect size(count) == 28
print(type(count), sys.getsizeof(count))
#: The list object itself takes 88 bytes: a 56-byte header (the garbage
#: collector's 16 bytes included) and one 8-byte reference for each of its
#: four slots. The ints it refers to are separate objects, not counted here.
print(sys.getsizeof(numbers))
#@ expect size(numbers) == 88


#: A def statement is an assignment too: it builds a function object and
#: binds the name double to it.
def double(x):
    return x * 2


#: So a function can have two names, like any other object.
twice = double
#@ expect same(twice, double)
#@ expect type(double) == "function"
#@ ask "What is the type name of the object that twice refers to?" = type(twice) because "twice and double are two names for one function object, whose type is function."
print(twice is double, type(twice))
#: Calling it through either name runs the same code.
print(twice(21))
