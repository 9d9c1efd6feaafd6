#!/usr/bin/env python3
"""Regenerate tests/data/repr.txt, the oracle for tests/check_unicode.c.

Run with CPython 3.11 (the simulator's oracle):

    python3 tests/gen-repr.py > tests/data/repr.txt

Fields are separated by tabs.  Lines by their first field:

  R  S  REPR     repr(S) == REPR.  S is escaped: \\\\ for the backslash,
                 \\xNN, \\uNNNN or \\UNNNNNNNN for the space and anything
                 else outside printable ASCII.  REPR is as CPython prints
                 it, in UTF-8 (it never holds a tab or a newline).
  B  HEX  V  L  REPR
                 Raw bytes HEX: V is 1 if they are valid UTF-8; L is the
                 length of the str they hold in pymemsim: UTF-8 in which
                 a lone surrogate is encoded as 'surrogatepass' encodes
                 it, any other invalid byte read as 'surrogateescape'
                 reads it (str_decode); REPR is the repr of that str.
  P  LO  HI      str.isprintable() holds for code points LO..HI (hex);
                 the ranges are maximal, so nothing outside is printable.
  S  LO  HI      str.isspace() likewise.
  D  CP  V       unicodedata.decimal(chr(CP), -1) == V, for the first and
                 last digit of each run and their neighbours.
"""
import random
import sys
import unicodedata


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


def ranges(pred):
    out = []
    for cp in range(sys.maxunicode + 1):
        if pred(cp):
            if out and out[-1][1] == cp - 1:
                out[-1][1] = cp
            else:
                out.append([cp, cp])
    return out


STRINGS = [
    "", "a", "hello world", " ", "'", '"', "'\"", "it's", 'say "hi"',
    "it's \"quoted\"", "''", '""', "\\", "\\'", "a\\b\\\\c", "\\\"'",
    "\t\n\r", "\x00", "\x01\x07\x08\x0b\x0c\x1b\x1f", "\x7f", "\x80\x9f",
    "tab\there", "line1\nline2\r\n", " \x20~", "caf\xe9", "\xa0", "\xad",
    "\xa1\xa9\xbf\xd7\xf7\xff", "\x85", "na\u00efve", "\u2028", "\u2029",
    "\ufeff", "\ufeffbom", "\u200b", "\u200c\u200d\u200e\u200f", "\u2000\u200a",
    "\u2010\u2027", "\u202a\u202e\u202f", "\u2060\u2064\u206f", "\u205f",
    "\u3000", "\u1680", "\U0001F600", "\U0001F600\U0001F64F\U0001F680",
    "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F1EB\U0001F1F7",
    "\u4e2d\u6587", "\u65e5\u672c\u8a9e", "\ud55c\uad6d\uc5b4", "\u0627\u0644\u0639",
    "e\u0301", "a\u0300\u0301\u0302", "\u0308", "\u20dd", "\ufe0f", "\U000E0001",
    "\U000E0100", "\ue000", "\uf8ff", "\U000F0000", "\U0010FFFD", "\U0010FFFF",
    "\ufffd", "\ufffe", "\uffff", "\u0378", "\U0001FFFF", "\U00030000",
    "\U0003134A", "\U00040000", "\U000E0000", "\u00a0\u00ad\u034f",
    "\u061c", "\u180e", "\u2066\u2069", "\u0600\u0605", "\U000110BD",
    "\U0001D173", "\U0001BCA0", "mixed 'quote' and \\ and \u00e9 and \U0001F600",
    "\U0001F600'", "'\"\t\x00\u2028\U0001F600\ufeff\xad\xa0\\",
    "\u03b1\u03b2\u03b3", "\u0410\u0411", "\u00df\u1e9e", "\u2126\u212b",
    "\U00020000\U0002A6DF", "\U0002FA1D", "\U000323AF",
]

BYTES = [
    b"", b"abc", b"\xc3\xa9", b"\xc3", b"\xc3\x28", b"\xa9", b"\xc0\x80",
    b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xe0\xa0\x80",
    b"\xed\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xee\x80\x80",
    b"\xef\xbf\xbf", b"\xf0\x8f\xbf\xbf", b"\xf0\x90\x80\x80",
    b"\xf4\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80",
    b"\xf8\x88\x80\x80\x80", b"\xfe", b"\xff", b"\xe2\x82", b"\xe2\x82\xac",
    b"\xe2\x82A", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80", b"a\x80b",
    b"\x80\x81\x82", b"'\xff\"", b"\xf0\x9f\x98\x80\xf0\x9f",
]


def str_of(b):
    """The str pymemsim's str_decode reads from b."""
    out, i = [], 0
    while i < len(b):
        for n in (1, 2, 3, 4):
            try:
                out.append(b[i:i + n].decode("utf-8"))
                i += n
                break
            except UnicodeDecodeError:
                pass
        else:
            if (i + 2 < len(b) and b[i] == 0xED and 0xA0 <= b[i + 1] <= 0xBF
                    and b[i + 2] & 0xC0 == 0x80):
                out.append(b[i:i + 3].decode("utf-8", "surrogatepass"))
                i += 3
            else:
                out.append(chr(0xDC00 + b[i]))
                i += 1
    return "".join(out)


def main():
    w = sys.stdout.write
    rnd = random.Random(20240611)
    w("# repr and character properties measured on CPython %s, Unicode %s\n"
      % (sys.version.split()[0], unicodedata.unidata_version))
    strings = list(STRINGS)
    # Every Latin-1 character alone, and random mixtures.
    strings += [chr(c) for c in range(0x100)]
    pools = [range(0x20, 0x7F), range(0, 0x100), range(0x2000, 0x2070),
             range(0x300, 0x370), range(0x4E00, 0x4E40), range(0x1F300, 0x1F700),
             range(0xE000, 0xE010), range(0xFFF0, 0x10000), range(0xE0000, 0xE0080)]
    for _ in range(150):
        n = rnd.randint(1, 12)
        s = []
        for _ in range(n):
            pool = rnd.choice(pools)
            c = rnd.choice(pool)
            if 0xD800 <= c < 0xE000:
                c = 0x41
            s.append(chr(c))
        if rnd.random() < 0.3:
            s.append(rnd.choice(["'", '"', "\\"]))
        strings.append("".join(s))
    for s in strings:
        r = repr(s)
        assert "\t" not in r and "\n" not in r
        w("R\t%s\t%s\n" % (escape(s), r))

    byts = list(BYTES)
    for _ in range(150):
        n = rnd.randint(1, 8)
        byts.append(bytes(rnd.choice((rnd.randrange(256), 0x80 | rnd.randrange(64),
                                      0xC2 + rnd.randrange(51), 0x41))
                          for _ in range(n)))
    for b in byts:
        try:
            b.decode("utf-8")
            valid = 1
        except UnicodeDecodeError:
            valid = 0
        s = str_of(b)
        w("B\t%s\t%d\t%d\t%s\n" % (b.hex() or "-", valid, len(s), repr(s)))

    for lo, hi in ranges(lambda cp: chr(cp).isprintable()):
        w("P\t%x\t%x\n" % (lo, hi))
    for lo, hi in ranges(lambda cp: chr(cp).isspace()):
        w("S\t%x\t%x\n" % (lo, hi))
    seen = set()
    for cp in range(sys.maxunicode + 1):
        if unicodedata.decimal(chr(cp), -1) == 0:
            for c in (cp - 1, cp, cp + 1, cp + 8, cp + 9, cp + 10):
                if c not in seen:
                    seen.add(c)
                    w("D\t%x\t%d\n" % (c, unicodedata.decimal(chr(c), -1)))


if __name__ == "__main__":
    main()
