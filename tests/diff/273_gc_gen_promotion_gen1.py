# A cycle that survives collect(0) moves to generation 1: once it becomes
# garbage, collect(0) no longer examines it and collect(1) collects it.
import gc
gc.disable()
gc.collect()
a = []; b = []
a.append(b); b.append(a)
print('collect(0) while named:', gc.collect(0))
del a, b
print('collect(0):', gc.collect(0))
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
