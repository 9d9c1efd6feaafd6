# __del__ may update module state with a global statement; the log shows
# exactly when each object was freed.
log = []
freed = 0
class Entry:
    def __init__(self, key):
        self.key = key
    def __del__(self):
        global freed
        freed += 1
        log.append(self.key)
def work():
    e1 = Entry('local1')
    e2 = Entry('local2')
    return Entry('returned')
kept = work()
print(freed, log)
table = {'x': Entry('x'), 'y': Entry('y')}
table['x'] = kept
print(freed, log)
table = None
print(freed, log)
kept = None
print(freed, log)
