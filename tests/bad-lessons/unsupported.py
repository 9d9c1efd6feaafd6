#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
b = [x for x in a]
