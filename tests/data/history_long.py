# A longer run, for history memory caps.
keep = []
for i in range(3000):
    row = [i, str(i), {"n": i}]
    keep.append(row)
    if len(keep) > 200:
        del keep[0]
print(len(keep))
