# error: 2:16: invalid syntax. Perhaps you forgot a comma?
ages = {"ann": 30 "bob": 25}
