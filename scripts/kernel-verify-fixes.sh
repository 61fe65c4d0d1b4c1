#!/usr/bin/env bash
# Converts every convertible mmap callback of a kernel tree with --fix, then
# rebuilds each changed object with the tree's own flags (make LLVM=-19,
# warnings as errors) and reports what compiled. The originals are restored
# afterwards unless KEEP=1.
#
#   scripts/kernel-verify-fixes.sh <kernel tree with compile_commands.json> [paths...]
#
# Prints: callbacks found, per class, files changed, objects that built.
set -euo pipefail
tree=$(cd "$1" && pwd); shift
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${TOOL:-$root/build/bin/mmap-prepare-lint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=${JOBS:-$(nproc)}

cd "$tree"
"$tool" -p . --format=json "$@" >"$work/before.json" 2>"$work/before.err" || true
python3 - "$work/before.json" >"$work/files" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
files = sorted({f["file"] for f in report["findings"]
                if f["check"] == "mmap-prepare-legacy-hook" and f["fixable"]})
print("\n".join(files))
PY
mapfile -t files <"$work/files"
echo "files with convertible callbacks: ${#files[@]}" >&2
# A callback defined in another file changes that file and its header too:
# every file the fix will write is backed up (the diff names them).
"$tool" -p . --diff "${files[@]}" >"$work/diff" 2>/dev/null || true
sed -n 's|^+++ b/||p' "$work/diff" | sort -u >"$work/changed"
mapfile -t changed <"$work/changed"
echo "files the fix writes: ${#changed[@]}" >&2
for f in "${changed[@]}"; do
  mkdir -p "$work/orig/$(dirname "$f")"
  cp -p "$f" "$work/orig/$f"
done
restore() {
  for f in "${changed[@]}"; do cp -p "$work/orig/$f" "$f"; done
}
[[ ${KEEP:-0} == 1 ]] || trap 'restore; rm -rf "$work"' EXIT

"$tool" -p . --fix "${files[@]}" >"$work/fix.out" 2>"$work/fix.err" || true
grep -c '^fixed: ' "$work/fix.err" | sed 's/^/files rewritten: /' >&2 || true
grep ': error: ' "$work/fix.err" >&2 || true

ok=0; bad=0
for f in "${changed[@]}"; do
  [[ $f == *.c ]] || continue
  cmp -s "$f" "$work/orig/$f" && continue
  obj=${f%.c}.o
  if make -s LLVM=-19 KCFLAGS=-Werror -j"$jobs" "$obj" >"$work/build.log" 2>&1; then
    ok=$((ok + 1)); echo "compiles: $f" >&2
  else
    bad=$((bad + 1)); echo "FAILS:    $f" >&2; grep -E 'error|warning' "$work/build.log" | head -5 >&2
  fi
done
echo "converted files compiling with the tree's flags: $ok, failing: $bad" >&2
mapfile -t again < <(printf '%s\n' "${files[@]}" "${changed[@]}" | grep '\.c$' | sort -u)
"$tool" -p . --format=json "${again[@]}" >"$work/after.json" 2>/dev/null || true
python3 - "$work/after.json" <<'PY' >&2
import json, sys
report = json.load(open(sys.argv[1]))
print("second run: fixable findings left:", report["summary"]["fixable"])
PY
