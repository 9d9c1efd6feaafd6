# obj.method(args) passes obj as self; methods can call other methods and
# return self so calls chain.
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, part):
        self.parts.append(part)
        return self
    def build(self, sep):
        return sep.join(self.parts)
    def twice(self, part):
        self.add(part)
        self.add(part)
        return self
b = Builder()
b.add('a').add('b').twice('c')
print(b.build('-'), len(b.parts))
print(Builder().add('x').build('+'))
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
    def transfer(self, other, amount):
        self.balance -= amount
        other.balance += amount
x = Account('x', 100)
y = Account('y', 5)
x.transfer(y, 30)
y.transfer(x, 1)
print(x.owner, x.balance, y.owner, y.balance)
