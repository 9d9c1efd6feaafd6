# A __del__ that builds new objects (lists, strings, instances of its own
# class) while the collector-free cascade is running.
log = []
class Ob:
    def __init__(self, n, child):
        self.n = n
        self.child = child
    def __del__(self):
        msg = 'free ' + str(self.n)
        log.append([msg, self.n * 2])
        print(msg, len(log))
        if self.n == 2:
            tmp = Ob(99, None)
            print('made', tmp.n)
chain = Ob(1, Ob(2, Ob(3, None)))
chain = None
print(log)
log.clear()
print('end')
