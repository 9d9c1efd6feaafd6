# A method call obj.m() passes obj without making a bound-method object:
# inside the method, self shows 3 (the caller's name, self, the argument).
import sys
class Widget:
    def me(self):
        return sys.getrefcount(self)
    def arg(self, x):
        return sys.getrefcount(x)
    def both(self, x):
        return sys.getrefcount(self)
    def call_other(self):
        return self.me()
w = Widget()
print('self in w.me():', w.me())
print('x in w.arg(lst):', w.arg([]))
lst = []
print('named x in w.arg(lst):', w.arg(lst))
print('w.both(w):', w.both(w))
print('self in a method called from a method:', w.call_other())
print('w afterwards:', sys.getrefcount(w))
print('Widget().me():', Widget().me())
