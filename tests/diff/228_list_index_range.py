# list.index(x, start, end) searches only the given slice of positions;
# negative positions count from the end.
lst = [5, 3, 5, 7, 5, 9]
print(lst.index(5, 1), lst.index(5, 3, 5), lst.index(9, -1), lst.index(5, -4), lst.index(3, 0, 100))
