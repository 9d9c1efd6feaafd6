# Grows until the heap limit: MemoryError.
a = []
while True:
    a.append([0] * 100)
    a.append(str(len(a)) * 20)
