# Loop variables from range() above 256 are new int objects each time;
# from a list of literals they are the constants themselves.
import sys
def f():
    for i in range(1000, 1003):
        print(i, sys.getrefcount(i))
    for j in [5000, 6000]:
        print(j, sys.getrefcount(j))
    for k in (7000, 8000):
        print(k, sys.getrefcount(k))
f()
for i in range(300, 302):
    print(i, sys.getrefcount(i))
for j in [5001, 6001]:
    print(j, sys.getrefcount(j))
