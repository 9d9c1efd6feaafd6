# Dict key and item views compare like sets (with other views or with
# sets); values views only compare equal to themselves.
d = {1: 2, 3: 4}
print(d.keys() == {3: 0, 1: 0}.keys(), d.items() == {3: 4, 1: 2}.items(), d.keys() != {2: 1}.keys())
print(d.keys() == {1, 3}, d.items() == {(1, 2), (3, 4)}, d.keys() == [1, 3])
v = d.values()
print(v == v, d.values() == d.values(), list(v) == [2, 4])
