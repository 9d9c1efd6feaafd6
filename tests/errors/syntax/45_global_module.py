# error: 3:1: name 'count' is assigned to before global declaration
count = 0
global count
print(count)
