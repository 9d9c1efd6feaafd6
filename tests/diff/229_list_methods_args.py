# list methods with negative or out-of-range arguments: pop(-2), insert at
# negative and out-of-range positions, extend from any iterable.
lst = [5, 3, 5, 7, 5, 9]
print(lst.index(5), lst.index(9), lst.count(5), lst.count(4))
print(lst.pop(-2), lst.pop(), lst, lst.pop(0), lst)
lst.insert(-1, 'a')
lst.insert(-100, 'b')
lst.insert(100, 'c')
lst.insert(1, 'd')
print(lst)
lst.remove(5)
lst.extend('xy')
lst.extend((1, 2))
lst.extend({'k': 0})
print(lst, lst.index('k'), lst.copy() == lst)
