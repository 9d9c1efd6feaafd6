# Multiplying a sequence by anything but an int: the sequence's repeat
# was tried, so the message names the other operand's type.
word = "ab"
print(word * 3)
print(word * "3")
