# A weakref callback fires when a function's local object is freed as the
# function returns, before the caller continues.
import weakref
class Session:
    def __init__(self, user):
        self.user = user
    def __del__(self):
        print('session of', self.user, 'closed')
watchers = []
def on_close(ref):
    print('callback: session gone')
def handle(user):
    s = Session(user)
    watchers.append(weakref.ref(s, on_close))
    print('handling', user)
    return len(user)
n = handle('ann')
print('handle returned', n)
n = handle('bob')
print('handle returned', n, 'watchers dead:', watchers[0]() is None, watchers[1]() is None)
