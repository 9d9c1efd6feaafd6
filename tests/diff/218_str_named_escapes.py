# \N{name} escapes in string literals name a Unicode character.
print('\N{BULLET}', '\N{GREEK SMALL LETTER ALPHA}', repr('\N{NO-BREAK SPACE}'), len('\N{EM DASH}'))
