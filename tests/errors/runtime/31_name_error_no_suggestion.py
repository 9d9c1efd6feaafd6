# Nothing close enough: no suggestion.
print(zzzzzz)
