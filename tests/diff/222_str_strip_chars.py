# strip() with an argument removes any of the given characters from both
# ends; without one it removes whitespace.
s = 'xxhello worldyx'
print(s.strip('x'), s.strip('xy'), s.strip('xyhd'), s.strip(''), repr(s.strip('xyhelowrd ')))
print(repr('  \t\n spaced \r\n'.strip()), repr('--a-b--'.strip('-')), repr('é abcé'.strip('é ')))
print('123abc321'.strip('0123456789'), 'aaa'.strip('a') == '')
