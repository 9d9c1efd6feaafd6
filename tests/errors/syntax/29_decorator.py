# error: 2:1: decorators are not supported
@staticmethod
def f():
    pass
