# error: 2:1: with statements are not supported
with open("x") as f:
    pass
