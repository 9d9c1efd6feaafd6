# error: 2:8: only 'import sys', 'import gc' and 'import weakref' are supported, not module 'os'
import os
