# error: 3:9: unterminated string literal (detected at line 3)
total = 1 2
label = "total
print(label)
