class P:
    def __init__(self, x):
        self.x = x + 1
p = P("s")
