# dict() and update() accept any two-item iterables as pairs, including
# two-character strings.
print(dict(['ab', 'cd']), dict(['xy', (1, 2), [3, 4]]))
d = {}
d.update(['pq', 'rs'])
print(d)
