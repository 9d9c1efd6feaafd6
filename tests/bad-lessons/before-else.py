#: title: A lesson
#: summary: One sentence.
#: level: 1

a = [1]
if a:
    print(a)
#@ pause
else:
    print(0)
