# Functions can call themselves; each call has its own locals.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def depth(lst):
    if not isinstance(lst, list):
        return 0
    best = 0
    for item in lst:
        d = depth(item)
        if d > best:
            best = d
    return best + 1
print(fact(0), fact(5), fact(30))
print(fact(100))
print(fib(0), fib(1), fib(15))
print(depth(1), depth([]), depth([1, [2, [3, [4]]], [5]]))
def count_down(n):
    if n == 0:
        print('liftoff')
        return
    print(n)
    count_down(n - 1)
count_down(3)
