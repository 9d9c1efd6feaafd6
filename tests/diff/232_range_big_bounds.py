# range() accepts ints of any size: lengths, membership and iteration over
# a range whose bounds do not fit in 64 bits.
big = 10 ** 20
r = range(big, big + 3)
print(len(r), big + 1 in r, r)
for k in r:
    print(k - big)
print(len(range(0, 2 ** 70, 2 ** 68)), list(range(-big, -big + 2)))
