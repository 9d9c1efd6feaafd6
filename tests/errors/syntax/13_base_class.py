# error: 4:9: base classes are not supported
class A:
    pass
class B(A):
    pass
