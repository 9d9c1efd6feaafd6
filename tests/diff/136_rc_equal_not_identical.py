# Searching a list for an equal but distinct object: in, index, count and
# remove compare by value; remove drops the list's own object.
import sys
a = 10 ** 20
b = 10 ** 20
lst = [1, a, 2]
print(b in lst, lst.index(b), lst.count(b), sys.getrefcount(a), sys.getrefcount(b))
lst.remove(b)
print(lst, sys.getrefcount(a), sys.getrefcount(b))
s1 = 'some text ' + str(5)
s2 = 'some text ' + str(5)
words = [s1, s1]
print(s2 in words, s1 is s2, sys.getrefcount(s1), sys.getrefcount(s2))
words.remove(s2)
print(len(words), sys.getrefcount(s1))
d = {s1: 1}
print(d[s2], sys.getrefcount(s1), sys.getrefcount(s2))
