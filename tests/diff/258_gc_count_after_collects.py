# gc.get_count() after explicit collections: collecting generation g zeroes
# the counts of generations 0..g and adds 1 to the count of g+1.
import gc
gc.disable()
gc.collect()
print('collect():', gc.get_count())
gc.collect(0)
print('collect(0):', gc.get_count())
gc.collect(0)
print('collect(0) again:', gc.get_count())
gc.collect(1)
print('collect(1):', gc.get_count())
gc.collect(0)
gc.collect(1)
print('collect(0), collect(1):', gc.get_count())
gc.collect(2)
print('collect(2):', gc.get_count())
for i in range(12):
    gc.collect(1)
print('12 x collect(1):', gc.get_count())
for i in range(15):
    gc.collect(0)
print('15 x collect(0):', gc.get_count())
gc.collect()
print('collect():', gc.get_count())
