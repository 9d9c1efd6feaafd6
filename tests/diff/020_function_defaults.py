# Functions with positional parameters and default values; a function
# without return gives None.
def greet(name, greeting='hello', punct='!'):
    return greeting + ' ' + name + punct
print(greet('ann'))
print(greet('bob', 'hi'))
print(greet('cy', 'hey', '?'))
def nothing():
    pass
print(nothing())
def maybe(x):
    if x > 0:
        return x
print(maybe(3), maybe(-3))
def add(a, b=10):
    return a + b
print(add(1), add(1, 2), add(add(1), add(2, 3)))
def power(base, exp=2):
    result = 1
    while exp > 0:
        result *= base
        exp -= 1
    return result
print(power(3), power(2, 100), power(7, 0))
