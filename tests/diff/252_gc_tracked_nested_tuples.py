# Nested tuples of atomics: collect(0) untracks the inner tuple but the outer one only
# at its next collection (move_unreachable put the inner one after it).
import gc
gc.disable()
gc.collect()
x = 1000
t = ((x, 'a'), x)
print(gc.is_tracked(t), gc.is_tracked(t[0]))
gc.collect(0)
print('collect(0):', gc.is_tracked(t), gc.is_tracked(t[0]))
gc.collect(0)
print('collect(0), t now in gen 1:', gc.is_tracked(t), gc.is_tracked(t[0]))
gc.collect(1)
print('collect(1):', gc.is_tracked(t), gc.is_tracked(t[0]))
t = ((x, 'a'), x)
gc.collect()
print('new pair, full collect:', gc.is_tracked(t), gc.is_tracked(t[0]))
gc.collect()
print('full collect again:', gc.is_tracked(t), gc.is_tracked(t[0]))
