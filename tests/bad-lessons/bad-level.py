#: title: A lesson
#: summary: One sentence.
#: level: 5

a = [1]
