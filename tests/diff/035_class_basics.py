# A class with __init__ and methods: attributes set on self live in the
# instance; class attributes are shared and found when the instance lacks one.
class Counter:
    step = 1
    def __init__(self, name, start=0):
        self.name = name
        self.value = start
    def bump(self):
        self.value += self.step
        return self.value
    def describe(self):
        return self.name + '=' + str(self.value)
a = Counter('a')
b = Counter('b', 10)
a.bump()
a.bump()
b.bump()
print(a.describe(), b.describe())
b.step = 5
b.bump()
print(b.describe(), a.step, b.step, Counter.step)
Counter.step = 100
a.bump()
print(a.describe(), b.describe())
print(isinstance(a, Counter), type(b) is Counter)
