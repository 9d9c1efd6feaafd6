# error: 2:7: conditional expressions (x if c else y) are not supported
y = 1 if True else 2
