# repr of strings inside containers picks quotes and escapes: quotes of
# both kinds, backslashes, control characters, DEL and non-printables.
a = "it's"
b = 'say "hi"'
c = 'both \' and "'
d = 'back\\slash'
e = 'tab\there\nnew\rret\x00nul\x7fdel\x1besc'
f = '\x80\x9f\xa0\xad\xff'
print([a, b, c, d])
print((e, f))
print({a: [b, (c,)], d: {'k': e}})
print(repr(c), repr(d), str(c))
print([repr(a)], repr(repr(b)))
print(['', ' ', '\\', "'", '"', '\'"'])
