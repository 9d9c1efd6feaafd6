# for over range(): range(stop), range(start, stop), range(start, stop, step),
# with negative steps and empty ranges.
for i in range(4):
    print('a', i)
for i in range(2, 5):
    print('b', i)
for i in range(10, 0, -3):
    print('c', i)
for i in range(5, 5):
    print('never printed')
total = 0
for i in range(101):
    total += i
print('sum 0..100 =', total)
print(list(range(0, 20, 4)), list(range(3, -4, -2)), len(range(1000)))
for i in range(3):
    for j in range(i):
        print('pair', i, j)
