# error: 2:1: 'from ... import' is not supported; use 'import sys'
from sys import getrefcount
