#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
#@ expect type(a) == "list
print(a)
