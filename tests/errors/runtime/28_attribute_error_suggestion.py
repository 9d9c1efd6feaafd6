# A misspelt list method.
items = []
items.apend(1)
