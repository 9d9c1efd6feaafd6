# error: 2:5: lambda is not supported
f = lambda x: x
