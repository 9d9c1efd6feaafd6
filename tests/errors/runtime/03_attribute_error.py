class C:
    pass
c = C()
print(c.missing)
