#: title: Shared objects
#: summary: Small ints, interned strings and a few singletons are shared by the whole program, so `is` can say True where you expect False, and the other way round; compare values with ==.
#: level: 2
#: prerequisites: 07-how-big-is-an-object
#:
#: Some objects are made once and shared. CPython keeps the integers from -5
#: to 256 ready-made, so that every 7 or 100 in a program is the same object;
#: None, True, False, the empty tuple and the empty string exist once; and
#: strings that look like identifiers are interned, kept in one table so that
#: equal ones are one object. In 3.11 the small ints, the empty tuple and the
#: empty string are static objects whose reference count starts at
#: 999,999,999, so that it never reaches zero.
#:
#: This matters for the operator is, which compares identity, not value. The
#: Heap pane hides the interpreter's own objects; press s to list them too.
import sys

#: 256 is the largest cached int. int("256") builds its result at run time,
#: and still gets the shared object.
a = 256
b = int("256")
#@ expect same(a, b)
#@ expect refcount(a) > 999999999
print(a == b, a is b)
#: 257 is not cached: int("257") makes a new object each time. Equal values,
#: two objects.
c = 257
d = int("257")
#@ ask "Is d the same object as c (True or False)?" = same(c, d) because "257 is outside the cache of small ints (-5 to 256), so int() built a new int object with the same value."
#@ expect not same(c, d)
print(c == d, c is d)    #@ pause
#: The cache starts at -5: int("-5") is the shared object, while each
#: int("-6") is a new one.
low = -5
e = int("-5")
f = int("-6")
#@ expect same(e, low)
print(e is low, f is int("-6"))
#: Arithmetic results are checked against the cache too: 200 + 56 gives the
#: shared 256, but 200 + 57 builds a new 257.
x = int("200")
y = x + 56
z = x + 57
#@ expect same(y, a)
#@ expect not same(z, c)
print(y is a, z is c, z == c)
#: Two equal literals in one module are one object, even outside the cache:
#: the compiler stores each distinct constant once. This is why 1000 is 1000
#: may print True; do not rely on it.
g = 1000
h = 1000
#@ expect same(g, h)
print(g is h)
#: The compiler folds "hello" + "_world" into the constant "hello_world",
#: and a string that looks like an identifier is interned: both names refer
#: to the one interned string.
s1 = "hello_world"
s2 = "hello" + "_world"
#@ expect same(s1, s2)
print(s1 is s2)
#: A string built while the program runs is a new object, even when its
#: value equals an interned one. (sys.intern() would look it up in the table
#: of interned strings and return the shared one.)
s3 = "".join(["hello", "_world"])
#@ expect not same(s1, s3)
#@ ask "Is s3 == s1 (True or False)?" = True because "== compares the characters, and they are equal; only is tells the two objects apart."
print(s3 == s1, s3 is s1)


#: Interned strings are shared across functions too: the literal in this
#: function is the same object as the module's.
def greeting():
    return "hello_world"


print(greeting() is s1)
#: The empty tuple is a singleton: every way of making one gives the same
#: object. So is the empty string.
nothing = ()
t = tuple([])
blank = "".join([])
#@ expect same(t, nothing)
print(t is nothing, blank == "", len(blank))
#: Comparisons return the shared True and False, and a function or method
#: that returns nothing returns the shared None. For these singletons is is
#: the right test, as in x is None; for everything else, compare values
#: with ==.
flag = len(t) < len(s1)
outcome = [].append(flag)
print(flag is True, outcome is None)
