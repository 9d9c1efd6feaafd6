# error: 3:5: '(' was never closed
import gc
gc.c(llect()
first = [0]
print(first)
