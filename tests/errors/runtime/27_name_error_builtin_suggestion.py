# A misspelt built-in: the suggestion comes from all of CPython's builtins.
numbers = [3, 1, 2]
prnt(len(numbers))
