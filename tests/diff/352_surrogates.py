# Lone surrogates in str: length, indexing, iteration, repr; printed
# (tests/errors/runtime/32 prints them).
s = "x\ud800y\udc80z\udfff"
print(len(s), repr(s))
print(repr(s[1]), repr(s[3]), repr(s[5]), len(s[1]))
for c in s:
    print(repr(c))
print(s[0] + s[2] + s[4])
t = ("\ud83d", "\ude00", "\ud83d\ude00")
print(t, len(t[2]))
print(s == "x\ud800y\udc80z\udfff", s.upper() == "X\ud800Y\udc80Z\udfff")
