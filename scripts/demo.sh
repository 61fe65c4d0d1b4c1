#!/usr/bin/env bash
# Installs what the project needs, builds it, and runs the tool on the bundled
# example drivers: the findings with --explain, then the conversion as a diff.
# Nothing is written to the examples.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh
scripts/build.sh
flags=(-nostdinc -Itest/Inputs/kernel/include)
echo "== findings (examples/drivers) =="
build/bin/mmap-prepare-lint --explain examples/drivers/*.c -- "${flags[@]}" || true
echo
echo "== proposed conversion (--diff) =="
build/bin/mmap-prepare-lint --diff --quiet examples/drivers/*.c -- "${flags[@]}" 2>/dev/null || true
