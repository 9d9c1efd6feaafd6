# A few hundred thousand loop iterations with appends, dict updates and
# big-int arithmetic finish in reasonable time.
import sys
lst = []
d = {}
total = 0
for i in range(200000):
    lst.append(i)
    d[i % 1000] = i
    total += i * i
print(len(lst), len(d), total, sys.getsizeof(lst), sys.getsizeof(d))
x = 1
for i in range(2000):
    x = x * 3 + i
print(len(str(x)), x % 1000000007)
