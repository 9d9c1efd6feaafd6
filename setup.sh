#!/bin/sh
# setup.sh: install what the build needs, configure, build, then start
# pymemsim or run the tests.
#
#   ./setup.sh            build, then start pymemsim
#   ./setup.sh check      build, then run `make check'
#   ./setup.sh build      build only
#
# Idempotent: packages already installed are not installed again, and an
# existing build directory is only brought up to date.  Packages are
# installed with apt-get, through sudo when not run as root.
set -eu

top=$(cd "$(dirname "$0")" && pwd)
build=${PYMEMSIM_BUILD:-"$top/build"}
action=${1:-start}
case $action in
start|check|build) ;;
*) echo "usage: $0 [start|check|build]" >&2; exit 2 ;;
esac

packages="autoconf automake libtool pkg-config make gcc libncurses-dev check tmux python3"
missing=
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup.sh: installing$missing" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
    autoreconf -fi
fi
mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ] || [ "$top/configure" -nt config.status ]; then
    "$top/configure" --enable-werror
fi
make -j"$(nproc 2>/dev/null || echo 2)"

case $action in
start) PYMEMSIM_LESSONS="$top/lessons"; export PYMEMSIM_LESSONS
       exec ./src/pymemsim "$top/lessons/01-everything-is-an-object.py" ;;
check) exec make -j"$(nproc 2>/dev/null || echo 2)" check ;;
build) ;;
esac
