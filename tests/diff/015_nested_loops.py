# break and continue act on the innermost loop only; to leave an outer loop,
# set a flag and test it after the inner loop.
found = False
for i in range(1, 6):
    for j in range(1, 6):
        if j > i:
            break
        if (i + j) % 2 == 1:
            continue
        if i * j == 12:
            found = True
            break
        print(i, j)
    if found:
        print('found', i, j)
        break
rows = [[1, 2, 3], [4, 5, 6]]
for row in rows:
    line = ''
    for v in row:
        line = line + str(v * v) + ' '
    print(line)
