#: title: A short quiz
#: summary: Two questions about one list, for the session's tests.
#: level: 1
#:
#: Step with n; questions stop you until you answer.
import sys

#: A list, and a name for it.
a = [1, 2, 3]
#: A second name: one more reference.
b = a
#@ ask "How many references does the list have?" = refcount(a) because "a and b"
#@ expect refcount(a) == 2
print(sys.getrefcount(a))
#: del removes a name.
del b
#@ ask "And now?" = refcount(a) because "only a is left"
#@ expect refcount(a) == 1
print(sys.getrefcount(a))
