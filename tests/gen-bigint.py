#!/usr/bin/env python3
"""Regenerate tests/data/bigint.txt, the oracle for tests/check_bigint.c.

Run with CPython 3.11 (the simulator's oracle):

    python3 tests/gen-bigint.py > tests/data/bigint.txt

Every line is "op a b result ndigits", space separated:

  - a, b: operands in decimal (b is 0 for unary operations);
  - result: what CPython computed, in decimal, or "error" when CPython
    raises (ZeroDivisionError, ValueError for a negative shift count; a
    negative exponent, where CPython returns a float, is also "error");
    for hex/oct/bin the result is the string hex(a) etc.; for strlim it
    is str(a) under the default limit of 4300 digits, or "limit";
  - ndigits: CPython's digit count of the result, measured as
    (sys.getsizeof(result) - 24) // 4, and 0 for zero; "-" where the
    result is not an int.

Lines "int BASE =S result ndigits" give int(S, BASE) under the default
digit limit: S follows the '=' and is escaped so that it holds no space
(\\\\, \\xNN, \\uNNNN, \\UNNNNNNNN for the backslash, the space and
anything else outside printable ASCII); result is "invalid" for a
ValueError about the literal and "limit" for the digit-limit ValueError.

The file is deterministic: the random operands come from a fixed seed.
"""
import random
import sys

OPS2 = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "pow": lambda a, b: a ** b if b >= 0 else None,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "lshift": lambda a, b: a << b,
    "rshift": lambda a, b: a >> b,
    "cmp": lambda a, b: (a > b) - (a < b),
}

OPS1 = {
    "neg": lambda a: -a,
    "abs": lambda a: abs(a),
    "invert": lambda a: ~a,
    "hash": lambda a: hash(a),
    "bitlen": lambda a: a.bit_length(),
}

SHIFT = 30
BASE = 1 << SHIFT


def ndigits(v):
    if v == 0:
        return 0
    return (sys.getsizeof(v) - 24) // 4


def line(out, op, a, b, r):
    if r is None:
        out.append("%s %d %d error -" % (op, a, b))
    elif isinstance(r, str):
        out.append("%s %d %d %s -" % (op, a, b, r))
    else:
        out.append("%s %d %d %d %d" % (op, a, b, r, ndigits(r)))


def binary(out, op, a, b):
    try:
        r = OPS2[op](a, b)
    except (ZeroDivisionError, ValueError):
        r = None
    line(out, op, a, b, r)


def escape(s):
    res = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            res.append("\\\\")
        elif 0x21 <= c < 0x7F:
            res.append(ch)
        elif c < 0x100:
            res.append("\\x%02x" % c)
        elif c < 0x10000:
            res.append("\\u%04x" % c)
        else:
            res.append("\\U%08x" % c)
    return "".join(res)


def to_digits(x, n):
    return [(x >> (SHIFT * i)) & (BASE - 1) for i in range(n)]


def divrem_adds_back(v, w):
    """Whether Knuth's algorithm D, step by step as x_divrem (and
    bigint.c) runs it on 30-bit digits, takes the rare add-back branch
    for v // w (v >= w > 0, w of two digits or more)."""
    nw = (w.bit_length() + SHIFT - 1) // SHIFT
    nv = (v.bit_length() + SHIFT - 1) // SHIFT
    if nw < 2 or v < w:
        return False
    s = SHIFT - (w >> (SHIFT * (nw - 1))).bit_length()
    w <<= s
    wd = to_digits(w, nw)
    vd = to_digits(v << s, nv + 1)
    if vd[nv] != 0 or vd[nv - 1] >= wd[nw - 1]:
        nv += 1
    for j in range(nv - nw - 1, -1, -1):
        vv = (vd[j + nw] << SHIFT) | vd[j + nw - 1]
        q = vv // wd[nw - 1]
        r = vv - q * wd[nw - 1]
        while wd[nw - 2] * q > ((r << SHIFT) | vd[j + nw - 2]):
            q -= 1
            r += wd[nw - 1]
            if r >= BASE:
                break
        part = sum(d << (SHIFT * i) for i, d in enumerate(vd[j:j + nw + 1]))
        rest = part - q * w
        if rest < 0:
            return True
        vd[j:j + nw + 1] = to_digits(rest, nw + 1)
    return False


def special_digits(rnd, n):
    """A value of n digits drawn from the digits that make quotient
    estimates go wrong: 0, 1, half the base and their neighbours."""
    h = BASE // 2
    choices = (0, 1, 2, h - 1, h, h + 1, BASE - 2, BASE - 1)
    ds = [rnd.choice(choices) if rnd.random() < 0.8 else rnd.randrange(BASE)
          for _ in range(n)]
    if ds[-1] == 0:
        ds[-1] = h
    return sum(d << (SHIFT * i) for i, d in enumerate(ds))


def limited(f, *args):
    """f(*args) under CPython's default int_max_str_digits."""
    sys.set_int_max_str_digits(sys.int_info.default_max_str_digits)
    try:
        return f(*args)
    finally:
        sys.set_int_max_str_digits(0)


def main():
    # The file holds values longer than the default limit of 4300 digits.
    sys.set_int_max_str_digits(0)
    rnd = random.Random(20240611)
    out = []
    edge = [0, 1, 2, 3, 7, 10, 255, 256, 2**30 - 1, 2**30, 2**30 + 1,
            2**31, 2**32 - 1, 2**32, 2**59, 2**60 - 1, 2**60, 2**60 + 1,
            2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**90 - 1, 2**90,
            2**120 + 12345, 10**9, 10**18, 10**19, 10**27]
    edge = edge + [-x for x in edge if x]
    rand = []
    for bits in (5, 29, 31, 45, 61, 64, 89, 95, 150, 300, 700, 1500):
        for _ in range(3):
            v = rnd.getrandbits(bits) | (1 << (bits - 1))
            rand.append(v if rnd.random() < 0.5 else -v)
    huge = []
    for digs in (100, 500, 1000, 2000):
        v = rnd.randrange(10**(digs - 1), 10**digs)
        huge.append(v)
        huge.append(-v)
    # Values of all ones or a lone top bit stress carries and borrows.
    special = [2**(30 * k) - 1 for k in (2, 3, 5, 10)] + [2**(30 * k) for k in (2, 3, 7)]
    special += [-x for x in special]

    # Arithmetic over edge cases, every pair.
    for op in ("add", "sub", "mul", "floordiv", "mod", "cmp"):
        for a in edge[::2]:
            for b in edge[1::4]:
                binary(out, op, a, b)
    # Random operands of mixed sizes, all four sign combinations.
    pool = rand + huge + special
    for op in ("add", "sub", "mul", "floordiv", "mod", "and", "or", "xor"):
        for _ in range(20):
            a = abs(rnd.choice(pool))
            b = abs(rnd.choice(pool))
            for sa, sb in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
                binary(out, op, sa * a, sb * b)
    # Division whose quotient digit estimate must be corrected by adding
    # the divisor back (the rare branch of Knuth's algorithm D).
    found = 0
    tries = 0
    while found < 12 and tries < 200000:
        tries += 1
        nw = rnd.randint(2, 4)
        w = special_digits(rnd, nw)
        v = special_digits(rnd, nw + rnd.randint(0, 3))
        if v > w and divrem_adds_back(v, w):
            found += 1
            for sa, sb in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
                binary(out, "floordiv", sa * v, sb * w)
                binary(out, "mod", sa * v, sb * w)
    if found < 12:
        sys.stderr.write("only %d add-back cases found\n" % found)
    # Division by zero.
    for a in (0, 1, -1, 2**100):
        binary(out, "floordiv", a, 0)
        binary(out, "mod", a, 0)
    # Powers.
    for a in (0, 1, -1, 2, -2, 3, 10, -10, 2**30, 12345678901234567890, -(2**61 + 1)):
        for b in (0, 1, 2, 3, 5, 10, 31, 64, 100, 1000, -1, -5):
            binary(out, "pow", a, b)
    for a, b in ((2, 10000), (3, 5000), (-7, 3001), (10, 4299), (2**30 - 1, 77)):
        binary(out, "pow", a, b)
    for a in (0, 1, -1):
        binary(out, "pow", a, 10**30)
        binary(out, "pow", a, 10**30 + 1)
    # Shifts.
    for a in edge[::2] + rand[::4] + [huge[0], huge[1], 2**300, -(2**300)]:
        for b in (0, 1, 29, 30, 31, 59, 60, 61, 100, 1000, -1):
            binary(out, "lshift", a, b)
            binary(out, "rshift", a, b)
        binary(out, "rshift", a, 10**20)
    # Bitwise operations over edge cases.
    for op in ("and", "or", "xor"):
        for a in edge[::2]:
            for b in edge[1::3]:
                binary(out, op, a, b)
    # Unary operations, hex/oct/bin, str under the limit.
    for a in edge + rand + huge + special + [2**61 - 1, 2**61, 2**61 - 2, -(2**61 - 1),
                                             2**122 - 2, -(2**61) + 1, 2**200]:
        for op, f in OPS1.items():
            line(out, op, a, 0, f(a))
        line(out, "hex", a, 0, hex(a))
        line(out, "oct", a, 0, oct(a))
        line(out, "bin", a, 0, bin(a))
    for a in (10**4299, -(10**4299), 10**4300 - 1, 10**4300, -(10**4300), 2**14300,
              2**20000, 10**640, -(10**640)):
        try:
            r = limited(str, a)
        except ValueError:
            r = "limit"
        line(out, "strlim", a, 0, r)
    # Factorials, computed in the test by repeated multiplication.
    for n in (0, 1, 20, 21, 100, 1000):
        f = 1
        for k in range(2, n + 1):
            f *= k
        line(out, "factorial", n, 0, f)

    # int(s, base).
    parse = [
        ("0", 10), ("-0", 10), ("+17", 10), ("  42  ", 10), ("\t-42\n", 10),
        ("1_000_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("", 10),
        (" ", 10), ("-", 10), ("+ 5", 10), ("- 5", 10), ("12a", 10), ("1 2", 10),
        ("0x1f", 16), ("0X1F", 16), ("1f", 16), ("0x_1f", 16), ("0x", 16),
        ("0x_", 16), ("0_x1", 16), ("0b", 16), ("0B1", 16), ("0o17", 8),
        ("0b101", 2), ("0b2", 2), ("z", 36), ("Zz", 36), ("-zZ_z", 36),
        ("0x1f", 0), ("0o17", 0), ("0b101", 0), ("0B1", 0), ("0O17", 0),
        ("17", 0), ("017", 0), ("00", 0), ("0_0", 0), ("0_7", 0), ("0", 0),
        ("-0x10", 0), ("0x", 0), ("0b", 0), ("0o", 0), ("1_2", 0),
        ("0_7", 10), ("007", 10), ("\u0663", 10), ("\u0663\u0664", 0),
        ("\uff11\uff12", 10), ("0x\uff11", 0), ("0x\uff11", 10),
        ("\u3000 5\u2028", 10), ("\xa05\x85", 10), ("\u200b5", 10),
        ("\x1c5", 10), ("5\x00", 10), ("\x005", 10), ("5\x0b\x0c", 10),
        ("\U0001d7d9", 10), ("1\u00b2", 10), ("\u00e9", 10),
        ("123456789012345678901234567890", 10), ("-123456789_123456789", 10),
        ("zzzzzzzzzzzzzzzzzzzzzzzz", 36), ("777777777777777777777777", 8),
        ("ffffffffffffffffffffffffffffffff", 16),
        ("1" * 4300, 10), ("1" * 4301, 10), ("1" * 5000 + "x", 10),
        ("1" * 5000 + "_", 10), ("0" * 4301, 0), ("-" + "9" * 4301, 10),
        ("1" * 10 + "x" + "1" * 5000, 10), ("f" * 5000, 16), ("1" * 5000, 2),
        ("1" * 5000, 7), (" " + "7" * 4300 + " ", 10),
    ]
    for base in (2, 3, 7, 8, 10, 16, 36):
        for _ in range(6):
            v = rnd.getrandbits(rnd.choice((10, 64, 200, 1000)))
            digs = []
            x = v
            while x:
                digs.append("0123456789abcdefghijklmnopqrstuvwxyz"[x % base])
                x //= base
            s = "".join(reversed(digs)) or "0"
            parse.append((s if rnd.random() < 0.5 else "-" + s.upper(), base))
    for s, base in parse:
        try:
            r = limited(int, s, base)
            res = "%d %d" % (r, ndigits(r))
        except ValueError as e:
            res = "limit -" if "Exceeds the limit" in str(e) else "invalid -"
        out.append("int %d =%s %s" % (base, escape(s), res))

    w = sys.stdout.write
    w("# Python int results measured on CPython %s\n" % sys.version.split()[0])
    for ln in out:
        w(ln + "\n")


if __name__ == "__main__":
    main()
