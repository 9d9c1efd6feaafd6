#: title: How big is an object
#: summary: sys.getsizeof measures one object, header included and referents excluded; lists over-allocate, dicts grow in steps, and a str's size depends on its widest character.
#: level: 2
#: prerequisites: 06-inside-the-private-heap
#:
#: sys.getsizeof(x) is the number of bytes the object x itself takes on the
#: heap: its header (reference count, type pointer and, for containers, the
#: 16 bytes the cycle collector keeps before the object) plus its own data.
#: It is shallow: a container's size counts its references, 8 bytes each, not
#: the objects they refer to.
#:
#: This lesson measures common objects on 64-bit CPython 3.11 and watches two
#: containers grow. The size column of the Heap pane shows the same numbers.
import sys

#: An int has a 24-byte header and stores its value in 30-bit digits of 4
#: bytes each. Any value below 2**30 needs one digit: 28 bytes.
small = 1000
#@ expect size(small) == 28
print(sys.getsizeof(small))
#: Each further 30 bits of value costs one more 4-byte digit.
wide = 2 ** 30
huge = 2 ** 60
#@ expect size(wide) == 32
#@ ask "How many bytes does the int 2 ** 60 take?" = size(huge) because "2 ** 60 needs 61 bits, so three 30-bit digits: 24 + 3 * 4 = 36 bytes."
print(sys.getsizeof(wide), sys.getsizeof(huge))
#: A str of ASCII characters has a 48-byte header and stores one byte per
#: character, plus a terminating zero byte: 49 + length.
ascii_word = "abc"
#@ expect size(ascii_word) == 52
print(sys.getsizeof(ascii_word))
#: A str uses the same width for all its characters: 1 byte if they all fit
#: in Latin-1, 2 bytes if they all fit in 16 bits, 4 bytes otherwise. The
#: non-ASCII kinds have a 72-byte header.
latin = "\u00e9"
euro = "\u20ac"
smile = "\U0001F600"
#@ expect size(latin) == 74
#@ expect size(euro) == 76
#@ expect size(smile) == 80
print(sys.getsizeof(latin), sys.getsizeof(euro), sys.getsizeof(smile))
#: One wide character makes the whole string wide: here all four characters
#: take 2 bytes each, 72 + (4 + 1) * 2 = 82 bytes.
mixed = "abc\u20ac"
#@ expect size(mixed) == 82
print(sys.getsizeof(mixed))
#: A tuple has a fixed number of slots: 40 bytes, plus 8 per item.
point = (small, wide, huge)
#@ expect size(point) == 64
print(sys.getsizeof(point))
#: getsizeof is shallow. This tuple refers to a 649-byte string, but the
#: tuple itself still takes 48 bytes: one slot.
n = 600
holder = ("x" * n,)
#@ expect size(holder) == 48
print(sys.getsizeof(holder), sys.getsizeof(holder[0]))
#: A list keeps its item array separate and over-allocates it: when an
#: append finds the array full, the list grows it by about an eighth plus a
#: few slots, so that most appends need no new memory. Its size is
#: 56 + 8 * capacity. Watch the size change only now and then. Press r to
#: run to the breakpoint after the loop, or step through it.
items = []
last = sys.getsizeof(items)
print(len(items), last)
i = 0
while i < 20:
    items.append(i)
    if sys.getsizeof(items) != last:
        last = sys.getsizeof(items)
        #: The array was full: this append made it bigger.
        print(len(items), last)
    i = i + 1
#: Capacities 4, 8, 16 and 24: the array was resized at the 1st, 5th, 9th
#: and 17th append only.
#@ break
#@ expect size(items) == 248
#@ ask "How many items can items hold now before its array must grow again?" = 24 because "Its size is 248 = 56 + 8 * 24: room for 24 references, and 20 are used."
print(len(items), sys.getsizeof(items))    #@ pause
#: A new empty dict has no table of its own yet: 64 bytes. Its first key
#: brings a table of 8 slots, of which 5 can be used; the 6th key makes it grow to 16
#: slots (10 usable), the 11th to 32. Dicts whose keys are all strings use a
#: compact table that stores no hash in its entries.
table = {}
print(len(table), sys.getsizeof(table))
last = sys.getsizeof(table)
i = 0
while i < 12:
    table["k" + str(i)] = i
    if sys.getsizeof(table) != last:
        last = sys.getsizeof(table)
        print(len(table), last)
    i = i + 1
#@ break
#@ expect size(table) == 464
#: Deleting keys never makes a dict smaller: the table stays as it is, ready
#: for new keys.
del table["k0"]
#@ expect len(table) == 11
print(len(table), sys.getsizeof(table))


#: An instance of a class takes 56 bytes in CPython 3.11. Its attribute
#: values are kept in a separate array that getsizeof does not count.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(small, wide)
#@ expect size(p) == 56
print(sys.getsizeof(p))
