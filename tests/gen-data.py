#!/usr/bin/env python3
"""Regenerate the oracle data the unit tests compare with.

Run with CPython 3.11 (the simulator's oracle):

    python3 tests/gen-data.py tests/data

Each file holds what real CPython printed; the tests never compute their
expected values with the simulator's own formulas.
"""
import os
import sys


def sizes(out):
    w = out.write
    w("# sys.getsizeof measured on CPython %s\n" % sys.version.split()[0])
    # list: capacity after 0..100 appends
    l = []
    for n in range(0, 101):
        if n:
            l.append(None)
        w("list_append %d %d\n" % (n, sys.getsizeof(l)))
    # dicts with 0..20 str keys and int keys, inserted one at a time
    for label, key in (("dict_str", lambda i: "k%d" % i), ("dict_int", lambda i: i * 1000)):
        d = {}
        w("%s 0 %d\n" % (label, sys.getsizeof(d)))
        for i in range(1, 21):
            d[key(i)] = None
            w("%s %d %d\n" % (label, i, sys.getsizeof(d)))
    # deleting never shrinks; clear() does
    d = {"k%d" % i: i for i in range(6)}
    for k in list(d):
        del d[k]
    w("dict_deleted6 0 %d\n" % sys.getsizeof(d))
    d.clear()
    w("dict_cleared 0 %d\n" % sys.getsizeof(d))
    # str kinds: code point, length
    for cp in (0x61, 0xE9, 0x20AC, 0x1F600):
        for n in (2, 3, 10, 100):
            w("str %d %d %d\n" % (cp, n, sys.getsizeof(chr(cp) * n)))
    w("str_empty 0 %d\n" % sys.getsizeof(""))
    # ints: decimal value, size; every power of ten up to 10**30, and
    # the digit boundaries
    vals = [0, 1, -1, 255, 256, -5, -6, 2**30 - 1, 2**30, 2**60 - 1, 2**60, 2**90 - 1, 2**90]
    vals += [10**k for k in range(0, 31)] + [-(10**k) for k in range(0, 31)]
    for v in vals:
        w("int %d %d\n" % (v, sys.getsizeof(v)))
    # tuples
    for n in range(0, 9):
        w("tuple %d %d\n" % (n, sys.getsizeof(tuple(range(1000, 1000 + n)))))
    # sets: add one at a time
    s = set()
    w("set 0 %d\n" % sys.getsizeof(s))
    for i in range(1, 21):
        s.add(i)
        w("set %d %d\n" % (i, sys.getsizeof(s)))
    # instances: the object, and its materialised __dict__
    class C:
        pass
    c = C()
    w("instance 0 %d\n" % sys.getsizeof(c))
    c.x = 1
    w("instance_dict 1 %d\n" % sys.getsizeof(c.__dict__))
    w("none 0 %d\n" % sys.getsizeof(None))
    w("bool 0 %d\n" % sys.getsizeof(True))
    w("class 0 %d\n" % sys.getsizeof(C))


def trashcan(out):
    """__del__ order when a chain of [Leaf(i), next] lists is dropped:
    the trashcan (depth 50) reorders it."""
    order = []

    class Leaf:
        def __init__(self, i):
            self.i = i

        def __del__(self):
            order.append(self.i)

    head = None
    for i in range(160):
        head = [Leaf(i), head]
    head = None
    out.write("# __del__ order, CPython %s\n" % sys.version.split()[0])
    out.write(" ".join(map(str, order)) + "\n")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen-data.py: needs CPython 3.11, this is %s" % sys.version.split()[0])
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data")
    for name, fn in (("sizes.txt", sizes), ("trashcan.txt", trashcan)):
        path = os.path.join(outdir, name)
        old = open(path).read() if os.path.exists(path) else None
        with open(path, "w") as f:
            fn(f)
        new = open(path).read()
        print("%s: %s" % (path, "unchanged" if old == new else "changed" if old else "new"))


main()
