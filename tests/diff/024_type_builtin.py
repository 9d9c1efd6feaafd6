# type(x) returns the class of x; classes print as <class 'name'>, and the
# class of a class is type.
class Thing:
    pass
t = Thing()
print(type(1), type(2 ** 100), type('s'), type(None), type(True))
print(type([]), type(()), type({}), type(set()), type(range(3)))
print(type(t), type(Thing), type(type))
print(type(t) is Thing, type(3) is int, type('x') == str)
def f():
    pass
print(type(f))
print([type(1), type('a')])
