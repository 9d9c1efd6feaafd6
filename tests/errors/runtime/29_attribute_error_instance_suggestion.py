# An instance: its attributes, its class's, and object's.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount

a = Account("Ada")
a.deposit(5)
print(a.balanse)
