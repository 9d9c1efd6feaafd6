#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]    #@ wait
print(a)
