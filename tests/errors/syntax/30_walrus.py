# error: 2:7: assignment expressions (:=) are not supported
if (n := 10) > 5:
    pass
