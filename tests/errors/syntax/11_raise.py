# error: 2:1: raise is not supported
raise ValueError
