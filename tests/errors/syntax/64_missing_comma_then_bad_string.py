# error: 2:18: unterminated string literal (detected at line 2)
print("a" "b" x, "unterminated)
