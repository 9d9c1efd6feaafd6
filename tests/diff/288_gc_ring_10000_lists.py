# A ring of 10,000 lists, each holding the next and some atomic items, and a
# ring of 10,000 dicts: each is one collection of 10,000 objects.
import gc
gc.disable()
gc.collect()
first = [0, 'x']
cur = first
for i in range(1, 10000):
    n = [i, 'x']
    cur.append(n)
    cur = n
cur.append(first)
del first, cur, n
print('list ring:', gc.collect())
first = {'i': 0}
cur = first
for i in range(1, 10000):
    n = {'i': i}
    cur['next'] = n
    cur = n
cur['next'] = first
del first, cur, n
print('dict ring:', gc.collect())
print('again:', gc.collect())
