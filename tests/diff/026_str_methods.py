# str methods return new strings (a str never changes): join, upper, lower,
# split, replace, startswith.
s = 'Hello, World'
print(s.upper(), s.lower(), s)
print(s.replace('l', 'L'), s.replace('World', 'there'), s.replace('x', 'y'))
print(s.startswith('Hell'), s.startswith('World'), s.startswith(''))
print('a b  c'.split(), 'a,b,,c'.split(','), 'one--two'.split('--'))
print('-'.join(['x', 'y', 'z']), ''.join(['ab', 'cd']), ', '.join([]))
words = 'the quick brown fox'.split()
print(len(words), words)
print(' '.join(words).upper())
csv = 'name=ann;age=7'
for part in csv.split(';'):
    kv = part.split('=')
    print(kv[0], '->', kv[1])
print('aaa'.replace('a', 'bb'), 'MiXeD'.lower(), 'MiXeD'.upper())
