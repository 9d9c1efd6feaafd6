# A default value is evaluated once, when def runs: a mutable default
# list is shared by every call that does not pass the argument.
def add_item(item, bucket=[]):
    bucket.append(item)
    return bucket
print(add_item(1))
print(add_item(2))
mine = []
print(add_item(3, mine))
print(add_item(4))
first = add_item(5)
second = add_item(6)
print(first is second, first)
def counter(state={'n': 0}):
    state['n'] += 1
    return state['n']
print(counter(), counter(), counter())
