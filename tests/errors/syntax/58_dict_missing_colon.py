# error: 2:24: ':' expected after dictionary key
ages = {"ann": 30, "bob"}
