# error: 2:7: only positional parameters (with defaults) are supported
def f(*args):
    pass
