#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
#@ ask "How many?" refcount(a)
print(a)
