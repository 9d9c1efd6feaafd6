#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
#@ expect refcnt(a) == 1
print(a)
