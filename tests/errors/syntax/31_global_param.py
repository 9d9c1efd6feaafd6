# error: 3:5: name 'a' is parameter and global
def f(a):
    global a
