# startswith() and endswith() accept a tuple of prefixes and start/end
# positions.
s = 'a,b,,c,d'
print(s.startswith(('x', 'a')), s.endswith(('d', 'q')), s.startswith(()), 'abc'.endswith(('bc', 'c')))
print(s.startswith(',', 1), s.endswith('c', 0, 6), s.startswith('b', -7), s.endswith('a', 0, 1))
