# Unicode strings: printable characters appear as themselves in repr,
# others as \x, \u or \U escapes; len counts code points.
import sys
words = ['café', 'naïve', '日本語', 'Ω≈ç', '😀', 'e\u0301', '\u200b', '\u2028', '\U0001f600x']
print(words)
for w in words:
    print(len(w), sys.getsizeof(w), w)
print(repr('\u00a0\u00ad\u0378\ufeff'), repr('\U000e0001'))
print('日本' + '語', '-'.join(['α', 'β', 'γ']), 'αβγ'.find('γ'), 'aé日😀'.replace('日', 'x'))
