#: title: A lesson
#: author: Someone
#: summary: One sentence.
#: level: 1

a = [1]
