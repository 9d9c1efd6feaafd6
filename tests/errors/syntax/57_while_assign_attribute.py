# error: 5:7: cannot assign to attribute here. Maybe you meant '==' instead of '='?
class C:
    pass
c = C()
while c.n = 0:
    pass
