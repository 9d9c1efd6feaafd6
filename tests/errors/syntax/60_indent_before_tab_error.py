# error: 3:1: unexpected indent
x = 1
	if x:
        pass
