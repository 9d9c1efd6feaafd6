# error: 5:5: name 'item' is assigned to before global declaration
def f(items):
    for item in items:
        pass
    global item
