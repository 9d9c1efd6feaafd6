# split() with a maximum number of splits, with and without a separator.
s = 'a,b,,c,d'
print(s.split(',', 1), s.split(',', 0), s.split(',', -1), s.split(',', 3))
print('  a  b c  '.split(None, 1), '  a  b c  '.split(None, 0), 'x y z'.split(' ', 1))
