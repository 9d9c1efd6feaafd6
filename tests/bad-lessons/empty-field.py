#: title:
#: summary: One sentence.
#: level: 1

a = [1]
