# error: 4:1: 'else' after a loop is not supported
while False:
    pass
else:
    pass
