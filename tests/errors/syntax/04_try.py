# error: 2:1: try statements are not supported
try:
    pass
except:
    pass
