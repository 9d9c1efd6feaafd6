# strip() and split() without arguments treat every Unicode whitespace
# character as whitespace, including \x1c-\x1f, \x85, \xa0 and \u3000.
print(repr('\u3000x\u2003'.strip()), repr('\xa0pad\x85'.strip()), repr('\x1cmid\x1f'.strip()))
print('x\x1cy'.split(), 'a\u2028b\u2029c'.split(), 'one\xa0two three'.split())
print(repr(' \x0b\x0c\r\n\t'.strip()), len('\u2000\u200a'.split()), len('\u200b'.split()))
