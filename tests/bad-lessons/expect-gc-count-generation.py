#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
#@ expect gc_count(3) == 0
print(a)
