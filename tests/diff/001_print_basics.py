# print() writes its arguments separated by one space and ends the line;
# print() with no arguments writes an empty line.
print('hello')
print('a', 'b', 'c')
print(1, 2, 3)
print()
print(None, True, False)
print('sum:', 2 + 3, 'product:', 2 * 3)
x = 42
print('x =', x)
print('')
print('tab\there', 'quote"s', "it's")
print(-7, 0, 123456789012345678901234567890)
