#!/usr/bin/env python3
"""Regenerate the expected output of the differential test corpus.

Every NNN_topic.py in this folder is run with CPython 3.11 (the oracle that
pymemsim must match byte for byte) and its stdout is written to
NNN_topic.out.  Run it from any directory:

    python3 tests/diff/regen.py

For each program it prints whether the .out file is new, changed or
unchanged, then a count.  A program must exit with status 0 and write
nothing on stderr, and its output must not depend on the hash seed (it is
run twice, with two different PYTHONHASHSEED values).  Any program that
breaks one of these rules is reported, its .out file is left alone, and
regen.py exits with status 1.
"""
import os
import re
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("regen.py: the oracle is CPython 3.11; this is %s"
             % sys.version.split()[0])

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = re.compile(r"^[0-9]{3}_[a-z0-9_]+\.py$")


def run(path, seed):
    """Run one program; return (exit status, stdout bytes, stderr bytes)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = str(seed)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    p = subprocess.run([sys.executable, os.path.basename(path)], cwd=HERE,
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


def main():
    names = sorted(n for n in os.listdir(HERE) if n.endswith(".py")
                   and n != "regen.py")
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    bad = []
    for name in names:
        path = os.path.join(HERE, name)
        if not NAME.match(name):
            bad.append((name, "name is not NNN_topic.py"))
            print("BAD       %s: name is not NNN_topic.py" % name)
            continue
        status, out, err = run(path, 1)
        problem = None
        if status != 0:
            problem = "exit status %d" % status
        elif err:
            problem = "wrote on stderr: %s" % err.decode(errors="replace")
        else:
            status2, out2, err2 = run(path, 4242)
            if (status2, out2, err2) != (status, out, err):
                problem = "output depends on the hash seed"
        if problem:
            bad.append((name, problem))
            print("BAD       %s: %s" % (name, problem.rstrip()))
            continue
        outpath = path[:-3] + ".out"
        if not os.path.exists(outpath):
            state = "new"
        else:
            with open(outpath, "rb") as f:
                state = "unchanged" if f.read() == out else "changed"
        if state != "unchanged":
            with open(outpath, "wb") as f:
                f.write(out)
        counts[state] += 1
        print("%-9s %s" % (state, name[:-3] + ".out"))
    stems = {n[:-3] for n in names}
    for n in sorted(os.listdir(HERE)):
        if n.endswith(".out") and n[:-4] not in stems:
            print("stale     %s (no program of that name)" % n)
    print("%d programs: %d new, %d changed, %d unchanged, %d bad"
          % (len(names), counts["new"], counts["changed"],
             counts["unchanged"], len(bad)))
    if bad:
        for name, problem in bad:
            print("bad: %s: %s" % (name, problem.splitlines()[0]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
