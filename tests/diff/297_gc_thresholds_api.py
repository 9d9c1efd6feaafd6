# gc.get_threshold() starts at (700, 10, 10); set_threshold changes as many
# thresholds as it is given; isenabled follows enable() and disable().
import gc
print(gc.isenabled(), gc.get_threshold())
gc.disable()
gc.disable()
print(gc.isenabled())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(5, 3)
print(gc.get_threshold())
gc.set_threshold(1, 2, 3)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
