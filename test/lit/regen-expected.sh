#!/usr/bin/env bash
# Regenerates <test>.c.expected from the tool's current --fix output, for a
# reviewer to read in `git diff` before committing. Never run it blindly.
#   test/lit/regen-expected.sh test/checks/legacy-hook/remap-whole.c [extra tool args]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
src=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/$(basename "$src")"
"$root/build/bin/mmap-prepare-lint" --fix --quiet "$@" "$tmp/$(basename "$src")" -- \
  -nostdinc -I"$root/test/Inputs/kernel/include" >/dev/null || true
cp "$tmp/$(basename "$src")" "$src.expected"
