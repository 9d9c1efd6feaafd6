# error: 3:5: nonlocal is not supported
def f():
    nonlocal x
