# gc.collect's argument may be given by keyword: a different message.
import gc
gc.collect(0)
gc.collect(0, 1)
