# String literals accept escape sequences; print shows the characters,
# repr (inside a list) shows the escapes again.
s = 'a\tb'
print(s)
print([s])
print('line1\nline2')
print(['line1\nline2'])
print('back\\slash', ['back\\slash'])
print("double \" quote", 'single \' quote')
print('\x41\x42\x43', '\u00e9', '\u20ac')
print(['\x41', '\x00', '\x7f'])
print(len('\n'), len('\\n'), len('\u20ac'), len('\U0001F600'))
print('\101\102')
print(['\r', '\x1b'])
