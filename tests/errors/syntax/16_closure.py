# error: 5:16: closures are not supported: 'x' is a variable of the enclosing function 'outer'
def outer():
    x = 1
    def inner():
        return x
    return inner
