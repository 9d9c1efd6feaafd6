# Sets of ints print in hash-table order: small ints by value modulo the
# table size, -1 hashes like -2, and big ints by their hash.
print({5, 3, 1, 8, 13, 100, 7})
print({-1, -2, -3, 0, 1})
print({32, 0, 16, 8, 64})
print({10 ** 20, 1, 2 ** 61 - 1, 2 ** 61, -(2 ** 61)})
s = set()
for i in [40, 8, 24, 0, 16, 32, 48, 56, 64, 72]:
    s.add(i)
print(s)
print(set([3, 2, 1]), set((1000, 999, 1001)), {True, 1, False, 0})
print(set([(1, 2), (2, 1)]) == {(2, 1), (1, 2)}, len({(1, 2), (1, 2)}))
