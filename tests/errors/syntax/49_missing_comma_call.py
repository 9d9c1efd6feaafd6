# error: 3:7: invalid syntax. Perhaps you forgot a comma?
name = "Ada"
print("Hello" name)
