# A mutable class attribute is one object shared by all instances;
# assigning self.attr instead creates a per-instance attribute.
class Team:
    members = []
    def __init__(self, name):
        self.name = name
    def join(self, who):
        self.members.append(who)
a = Team('a')
b = Team('b')
a.join('ann')
b.join('bob')
print(a.members, b.members, a.members is Team.members)
b.members = ['own']
b.join('cy')
print(a.members, b.members, Team.members)
del b.members
print(b.members)
