# error: 6:9: name 'x' is used prior to global declaration
x = 0

def f():
    if x:
        global x
    x = 1
