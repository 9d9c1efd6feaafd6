class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.w
b = Box(1)
print(b.get())
