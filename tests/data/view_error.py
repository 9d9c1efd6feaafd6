d = {"a": 1}
value = d["a"]
print(value)
missing = d["b"]
print("not reached")
