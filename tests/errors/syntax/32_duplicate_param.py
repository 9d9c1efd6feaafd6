# error: 2:10: duplicate argument 'a' in function definition
def f(a, a):
    pass
