#!/usr/bin/env python3
"""Regenerate tests/errors/runtime/*.out and *.err from CPython 3.11.

Each program is run from its own folder by its file name, as errors.sh runs
pymemsim; CPython names the file by its absolute path, whose folder is
written as {DIR}.  .code holds the exit status.  CPython 3.11 draws carets
(^ and ~) under the failing expression; pymemsim does not, so lines made
only of blanks, ^ and ~ are dropped from the expected stderr."""
import os
import re
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("regen.py: needs CPython 3.11, this is " + sys.version.split()[0])
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "runtime")
caret = re.compile(r"^\s*[\^~]+[\s\^~]*$")
changed = 0
for name in sorted(os.listdir(here)):
    if not name.endswith(".py"):
        continue
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    p = subprocess.run([sys.executable, name], cwd=here, capture_output=True, text=True,
                       errors="surrogateescape",
                       env=env)
    if p.returncode not in (0, 1):
        sys.exit("%s: exit %d, expected 0 or 1" % (name, p.returncode))
    err = "".join(l for l in p.stderr.splitlines(True) if not caret.match(l))
    # CPython names the script by its absolute path; the folder varies.
    err = err.replace(here + "/", "{DIR}/")
    for ext, text in ((".out", p.stdout), (".err", err), (".code", "%d\n" % p.returncode)):
        path = os.path.join(here, name[:-3] + ext)
        old = open(path, errors="surrogateescape").read() if os.path.exists(path) else None
        if old != text:
            with open(path, "w", errors="surrogateescape") as f:
                f.write(text)
            changed += 1
            print("%s: %s" % (path, "changed" if old is not None else "new"))
print("%d files written" % changed)
