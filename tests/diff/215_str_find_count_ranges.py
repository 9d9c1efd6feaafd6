# find() and count() with start and end positions, negative ones too.
s = 'a,b,,c,d'
print(s.find(',', 2), s.find(',', 2, 3), s.find('', 20), s.find(',', -3), s.find('d', 0, -1))
print(s.count(',', 2), s.count(',', 0, 4), s.count('', 3), s.count(',', -4, -1))
