# A global lives in the module's dict, a local in the frame: both hold a
# reference, and the local's goes away when the function returns.
import sys
data = []
def keep_local():
    mine = data
    other = data
    print('in function, 2 locals:', sys.getrefcount(data))
keep_local()
print('after return:', sys.getrefcount(data))
def store_global():
    global saved
    saved = data
store_global()
print('after storing in a new global:', sys.getrefcount(data))
def read_global():
    print('global read inside a function:', sys.getrefcount(saved))
read_global()
def store_in_list(x):
    data.append(x)
obj = {}
store_in_list(obj)
print('dict now in the global list:', sys.getrefcount(obj))
