# Storing a bound method on its own instance makes a cycle of 2 objects:
# the instance and the method object that refers back to it.
import gc
gc.disable()
gc.collect()
class Button:
    def click(self):
        return 'clicked'
b = Button()
b.handler = b.click
print(b.handler())
del b
print('instance <-> bound method:', gc.collect())
b = Button()
b.handlers = [b.click, b.click]
del b
print('instance -> list -> 2 bound methods:', gc.collect())
