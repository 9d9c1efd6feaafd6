# list methods: append, insert, extend, pop, remove, index, count, clear,
# copy, reverse. They change the list in place (copy makes a new list).
lst = [3, 1, 4]
lst.append(1)
lst.insert(0, 9)
lst.insert(100, 'end')
lst.extend([5, 9])
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(2))
print(lst)
lst.remove(1)
print(lst, lst.index('end'), lst.index(5), lst.count(1), lst.count(7))
c = lst.copy()
c.reverse()
print(lst, c, c is lst, c == lst)
lst.clear()
print(lst, len(lst), c)
r = [1, 2, 3]
print(r.append(4), r.reverse(), r)
r.extend('ab')
r.extend((7, 8))
print(r)
