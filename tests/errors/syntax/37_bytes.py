# error: 2:5: bytes literals are not supported
b = b"abc"
