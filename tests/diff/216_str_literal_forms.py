# String literal forms: octal, hex, \u, \U and \N{...} escapes, implicit
# concatenation, triple quotes and a backslash-newline inside a string.
print('\101\102\x43\u0044\U00000045', len('\0\00\000'), repr('\0'))
print('con' 'cat' "enated", 'a\
b')
s = '''line one
line 'two' "three"'''
print(s, len(s))
print("""x\ty""", '\'', "\"", '\a\b\f\v', repr('\a\b\f\v'))
print(r'\n raw', R'\d', repr(r'a\'b'))
