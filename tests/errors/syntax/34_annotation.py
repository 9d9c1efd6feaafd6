# error: 2:2: annotations are not supported
x: int = 5
