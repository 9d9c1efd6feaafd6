# replace() with an empty old string inserts between characters; a count
# limits how many replacements are made.
s = 'a,b,,c,d'
print(s.replace('', '.'), ''.replace('', 'x'), 'ab'.replace('', '-'))
print(s.replace(',', ';', 2), s.replace(',', '', 0), 'aaa'.replace('a', 'bb', -1), 'aaa'.replace('', '|', 2))
