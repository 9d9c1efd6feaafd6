# A long run over a steady heap: about 12 million instructions, a few
# hundred objects alive at any time.  For bench/bench_history.
class Cell:
    def __init__(self, value):
        self.value = value
        self.next = None


cells = []
for i in range(200):
    cells.append(Cell(i))
total = 0
for step in range(450000):
    c = cells[step % 200]
    c.next = [step, c.value]
    total = total + c.next[0] % 7
    c.next = None
print(total, len(cells))
