# A long loop inside __init__ (Python code called from C), for stopping
# a run inside one top-level instruction.
class Slow:
    def __init__(self, n):
        self.items = []
        i = 0
        while i < n:
            self.items.append([i])
            i += 1


a = Slow(3)
b = Slow(200000)
print(len(b.items))
