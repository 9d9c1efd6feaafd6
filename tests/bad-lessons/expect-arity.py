#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
#@ expect same(a) == True
print(a)
