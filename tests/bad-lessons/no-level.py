#: title: A lesson
#: summary: One sentence.

a = [1]
print(a)
