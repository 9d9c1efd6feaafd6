#: title: A lesson
#: level: 1

a = [1]
print(a)
