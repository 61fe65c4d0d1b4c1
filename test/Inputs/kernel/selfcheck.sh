#!/bin/sh
# Compile test/Inputs/kernel/selfcheck.c (and the bundled examples) against
# the mock kernel headers at every MOCK_KERNEL_API level.
# Usage: test/Inputs/kernel/selfcheck.sh [clang]   (run from anywhere)
# Exits non-zero if any compilation fails.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
CLANG=${1:-${CLANG:-/usr/lib/llvm-19/bin/clang}}
FLAGS="-fsyntax-only -std=gnu11 -nostdinc -I $here/include -Wall \
-Wno-unused-function -Werror -Werror=implicit-function-declaration"

fail=0
for level in 0 616 617 619 700 701 702 703; do
	for variant in "" "-DMOCK_KERNEL_ALLOC_HOOKS"; do
		if $CLANG $FLAGS -DMOCK_KERNEL_API=$level $variant \
			"$here/selfcheck.c"; then
			echo "ok   selfcheck.c MOCK_KERNEL_API=$level $variant"
		else
			echo "FAIL selfcheck.c MOCK_KERNEL_API=$level $variant"
			fail=1
		fi
	done
done

# Default level (no -DMOCK_KERNEL_API): must behave as 703.
if $CLANG $FLAGS "$here/selfcheck.c"; then
	echo "ok   selfcheck.c (default level)"
else
	echo "FAIL selfcheck.c (default level)"
	fail=1
fi

# Negative checks: "case:level" pairs that must NOT compile.
for pair in 1:0 2:616 3:616 4:619 5:700 5:703 6:700 7:701 7:703 \
	    8:700 9:700 10:701 11:702 11:703 12:616 12:703 13:700 14:702; do
	n=${pair%%:*}
	level=${pair##*:}
	if $CLANG $FLAGS -DMOCK_KERNEL_API=$level -DSELFCHECK_NEG=$n \
		"$here/selfcheck.c" 2>/dev/null; then
		echo "FAIL negative case $n compiled at MOCK_KERNEL_API=$level"
		fail=1
	else
		echo "ok   negative case $n rejected at MOCK_KERNEL_API=$level"
	fi
done

# The bundled example drivers must compile at the default level.
if [ -d "$root/examples/drivers" ]; then
	for f in "$root"/examples/drivers/*.c; do
		[ -e "$f" ] || continue
		if $CLANG $FLAGS "$f"; then
			echo "ok   examples/drivers/$(basename "$f")"
		else
			echo "FAIL examples/drivers/$(basename "$f")"
			fail=1
		fi
	done
fi

exit $fail
