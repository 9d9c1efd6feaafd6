# A method that takes no arguments, given one: CPython names it by its type.
ages = {"ann": 30}
print(ages.keys())
print(ages.keys("ann"))
