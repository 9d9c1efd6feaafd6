# + joins strings into a new string, * repeats a string; neither changes
# the original.
a = 'abc'
b = 'def'
c = a + b
print(c, a, b)
print(a * 3, 3 * 'xy', 'z' * 0, len('-' * 40))
s = ''
for i in range(5):
    s = s + str(i)
print(s)
line = '=' * 10
print(line + ' title ' + line)
words = ['x', 'y']
sentence = words[0] + ' and ' + words[1]
print(sentence)
print('a' + 'b' * 2 + 'c', ('a' + 'b') * 2)
t = a
a += '!'
print(a, t)
