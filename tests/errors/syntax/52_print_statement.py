# error: 3:1: Missing parentheses in call to 'print'. Did you mean print(...)?
x = 5
print "x is", x
