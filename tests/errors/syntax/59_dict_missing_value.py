# error: 2:25: expression expected after dictionary key and ':'
ages = {"ann": 30, "bob": }
