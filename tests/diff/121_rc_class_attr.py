# A class attribute is referenced once by the class; reading it through an
# instance adds no lasting reference, assigning it to a name does.
import sys
class Config:
    options = {'verbose': False}
    def opts(self):
        return sys.getrefcount(self.options)
opt = Config.options
print('class attribute plus one name:', sys.getrefcount(opt))
c1 = Config()
c2 = Config()
print('after making two instances:', sys.getrefcount(opt))
print('read through self inside a method:', c1.opts())
c1.options = opt
print('also set on one instance:', sys.getrefcount(opt))
del c1.options
Config.options = None
print('class attribute rebound:', sys.getrefcount(opt))
