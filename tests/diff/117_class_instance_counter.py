# A class attribute can count live instances: __init__ adds one, __del__
# takes one away as soon as an instance is freed.
class Tracked:
    live = 0
    def __init__(self, name):
        self.name = name
        Tracked.live += 1
        print('created', name, 'live =', Tracked.live)
    def __del__(self):
        Tracked.live -= 1
        print('freed', self.name, 'live =', Tracked.live)
a = Tracked('a')
b = Tracked('b')
group = [Tracked('g1'), Tracked('g2')]
print('live now', Tracked.live)
group.pop()
b = a
print('live now', Tracked.live)
group = None
a = None
print('live now', Tracked.live)
b = None
print('live at the end', Tracked.live)
