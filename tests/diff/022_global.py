# Assigning to a name inside a function makes it local unless the function
# declares it global; reading a global needs no declaration.
count = 0
items = []
def bump():
    global count
    count += 1
def add(x):
    items.append(x)
def shadow():
    count = 100
    return count
bump()
bump()
add('a')
print(count, items, shadow(), count)
def make_global():
    global created
    created = 'made inside a function'
make_global()
print(created)
def reset():
    global count, items
    count = 0
    items = []
reset()
print(count, items)
