# error: 2:5: f-strings are not supported
s = f"{1}"
