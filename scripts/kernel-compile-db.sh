#!/usr/bin/env bash
# Builds a compile_commands.json for the parts of a Linux kernel tree that can hold mmap hooks,
# without building the whole kernel, so mmap-prepare-lint can be run on real drivers.
#
#   scripts/kernel-compile-db.sh [--arch=ARCH] <kernel-tree> [jobs]
#
# ARCH is x86_64 (default) or arm64; one tree holds one architecture's build (unpack a second
# tree for the other: kbuild keeps one .config and its objects in the source tree).
# Steps (Clang/LLVM 19 via LLVM=-19, which cross-compiles for arm64 without a GNU toolchain; the
# unversioned clang on PATH is never used):
#   1. make allmodconfig, then merge a fragment that turns off CONFIG_WERROR, the sanitizers and
#      coverage (KASAN, UBSAN, KCSAN, KMSAN, GCOV_KERNEL, KCOV), debug info, X86_NATIVE_CPU
#      (-march=native) and AUTOFDO_CLANG/PROPELLER_CLANG (-mllvm flags);
#   2. make prepare scripts;
#   3. text-scan the tree (arch/<srcarch> only, no tools/ or Documentation/) for .c files that mention
#      .mmap =, ->mmap =, mmap_prepare or vm_flags_{set,clear,mod,init,reset};
#   4. build just those objects, in batches, with make -k (an object for another architecture, a
#      !MMU-only file or one whose option the fragment turns off just fails and is listed at the
#      end); a failed object is retried through a sibling directory's Makefile that mentions its
#      directory (amdgpu/Makefile builds ../amdkfd/*.o with amdgpu's include paths);
#   5. run the kernel's scripts/clang-tools/gen_compile_commands.py -> <tree>/compile_commands.json.
#
# Cost: about 6 minutes with 2 jobs on a fresh Linux 7.3 tree (configure + prepare ~30 s, then
# ~500 objects at ~1.3 s of CPU each); a re-run takes ~20 s: the configuration is kept when it
# already has the fragment applied; objects this script built since the last configuration whose
# .c has not changed are not rebuilt (make is not even asked, so a changed header alone does not
# trigger a rebuild; a new configuration redoes them all); objects that failed before are not
# retried unless KCDB_RETRY_FAILED=1.
# Logs and state go to <tree>/.kernel-compile-db/. Progress goes to stderr; the last lines give
# the number of candidate files and how many of them have an entry in compile_commands.json.
#
# Environment: KCDB_BATCH (objects per make invocation, default 200), KCDB_RETRY_FAILED=1.
# Build dependencies: flex bison bc libelf-dev libssl-dev cpio kmod (scripts/install-deps.sh).
set -euo pipefail

usage() { echo "usage: $0 [--arch=x86_64|arm64] <kernel-tree> [jobs]" >&2; exit 2; }
arch=x86_64
case ${1:-} in
  --arch=*) arch=${1#--arch=}; shift ;;
esac
# The source directory under arch/ and the Kconfig symbol that proves the configuration is for it.
case $arch in
  x86_64) srcarch=x86 arch_symbol=CONFIG_X86_64 ;;
  arm64) srcarch=arm64 arch_symbol=CONFIG_ARM64 ;;
  *) echo "kernel-compile-db: unsupported architecture '$arch' (x86_64 or arm64)" >&2; exit 2 ;;
esac
[[ $# -ge 1 && $# -le 2 ]] || usage
tree=$(cd "$1" && pwd)
jobs=${2:-$(nproc)}
batch=${KCDB_BATCH:-200}
[[ -f $tree/Makefile && -f $tree/scripts/clang-tools/gen_compile_commands.py ]] || {
  echo "kernel-compile-db: $tree does not look like a Linux source tree" >&2; exit 2; }
[[ $jobs =~ ^[1-9][0-9]*$ ]] || usage

llvm_bin=/usr/lib/llvm-19/bin
for tool in clang-19 ld.lld-19 llvm-ar-19 llvm-nm-19 llvm-objcopy-19 llvm-readelf-19 llvm-strip-19; do
  command -v "$tool" >/dev/null || { echo "kernel-compile-db: $tool not found (install clang-19 lld-19 llvm-19)" >&2; exit 2; }
done
for tool in flex bison bc make python3 perl; do
  command -v "$tool" >/dev/null || { echo "kernel-compile-db: $tool not found (see scripts/install-deps.sh)" >&2; exit 2; }
done

state=$tree/.kernel-compile-db
mkdir -p "$state"
start=$SECONDS
log() { printf '[kernel-compile-db %4ds] %s\n' $((SECONDS - start)) "$*" >&2; }

# ARCH/LLVM on every make call; KBUILD_BUILD_* keep objects identical across re-runs.
kmake() {
  make -C "$tree" ARCH="$arch" LLVM=-19 KBUILD_BUILD_TIMESTAMP='1970-01-01' \
    KBUILD_BUILD_USER=kcdb KBUILD_BUILD_HOST=kcdb "$@"
}

# ---- 1. configuration -------------------------------------------------------------------------
# Sanitizers/coverage/-Werror as asked; debug info, -march=native and the AutoFDO/Propeller
# profiling flags (-mllvm ..., host-dependent macros) only to keep the commands plain and portable.
off_opts=(WERROR KASAN UBSAN GCOV_KERNEL KCOV KCSAN KMSAN DEBUG_INFO X86_NATIVE_CPU AUTOFDO_CLANG
          PROPELLER_CLANG)
config_ok() {
  local c=$tree/.config o
  [[ -f $c ]] && grep -qx 'CONFIG_CC_IS_CLANG=y' "$c" && grep -qx 'CONFIG_CLANG_VERSION=19[0-9]*' "$c" \
    && grep -qx "$arch_symbol=y" "$c" && grep -qx 'CONFIG_COMPILE_TEST=y' "$c" || return 1
  for o in "${off_opts[@]}"; do
    grep -qx "CONFIG_$o=y" "$c" && return 1
  done
  return 0
}
if config_ok; then
  log "configuration: $tree/.config already has the fragment applied, kept"
else
  log "configuration: allmodconfig"
  kmake allmodconfig >"$state/config.log" 2>&1 || { tail -n 30 "$state/config.log" >&2; exit 1; }
  fragment=$state/kcdb.config
  {
    echo '# mmap-prepare-lint: no -Werror, sanitizers, coverage, debug info, -march=native, AutoFDO'
    for o in "${off_opts[@]}"; do echo "# CONFIG_$o is not set"; done
    echo 'CONFIG_DEBUG_INFO_NONE=y'
  } >"$fragment"
  (cd "$tree" && ARCH="$arch" KCONFIG_CONFIG=.config scripts/kconfig/merge_config.sh -m .config "$fragment") \
    >>"$state/config.log" 2>&1 || { tail -n 30 "$state/config.log" >&2; exit 1; }
  kmake olddefconfig >>"$state/config.log" 2>&1 || { tail -n 30 "$state/config.log" >&2; exit 1; }
  config_ok || { echo "kernel-compile-db: the config fragment did not stick, see $tree/.config" >&2; exit 1; }
  rm -f "$state/failed.txt" "$state/built.txt"   # a new configuration: everything is redone
  log "configuration: done"
fi

# ---- 2. prepare -------------------------------------------------------------------------------
log "prepare: make -j$jobs prepare scripts (log: $state/prepare.log)"
kmake -j"$jobs" prepare scripts >"$state/prepare.log" 2>&1 || { tail -n 40 "$state/prepare.log" >&2; exit 1; }
log "prepare: done"

# ---- 3. candidates ----------------------------------------------------------------------------
scan_dirs=()
for d in "$tree"/*/; do
  d=$(basename "$d")
  case $d in
    arch|tools|Documentation|scripts|include|usr|LICENSES|rust|.*) ;;
    *) scan_dirs+=("$d") ;;
  esac
done
scan_dirs+=("arch/$srcarch")
(cd "$tree" && grep -rlE --include='*.c' \
    '\.mmap[[:space:]]*=|->mmap[[:space:]]*=|mmap_prepare|vm_flags_(set|clear|mod|init|reset)' \
    "${scan_dirs[@]}" | LC_ALL=C sort) >"$state/candidates.txt" || true
ncand=$(wc -l <"$state/candidates.txt")
log "candidates: $ncand .c files in: ${scan_dirs[*]}"

# ---- 4. build the candidate objects -----------------------------------------------------------
cmd_file() { echo "$tree/$(dirname "$1")/.$(basename "${1%.c}").o.cmd"; }
# built path/x.c: object and its .cmd present (kbuild deletes the object when a compile fails)
built() { [[ -f $tree/${1%.c}.o && -f $(cmd_file "$1") ]]; }
# up_to_date path/x.c: built by this script since the last configuration, source not touched since
# (make is not even asked, so a changed header alone does not trigger a rebuild)
touch "$state/built.txt"
up_to_date() { grep -qxF "$1" "$state/built.txt" && built "$1" && [[ $(cmd_file "$1") -nt $tree/$1 ]]; }
touch "$state/failed.txt"
[[ ${KCDB_RETRY_FAILED:-0} == 1 ]] && : >"$state/failed.txt"
todo=()
while IFS= read -r f; do
  up_to_date "$f" && continue
  grep -qxF "$f" "$state/failed.txt" && continue
  todo+=("$f")
done <"$state/candidates.txt"
nfailed_before=$(grep -c . "$state/failed.txt" || true)
log "build: ${#todo[@]} objects to build ($((ncand - ${#todo[@]} - nfailed_before)) up to date," \
    "$nfailed_before failed before and skipped), batches of $batch, -j$jobs"
# A few directories are compiled by a sibling's Makefile (amdgpu/Makefile builds ../amdkfd/*.o
# with its include paths): for a failed d/x.c, retry as s/../d/x.o for each sibling s whose
# Makefile or Kbuild mentions ../d.
sibling_targets() {
  local f=$1 d b p mk
  d=$(dirname "$f"); b=$(basename "$d"); p=$(dirname "$d")
  for mk in "$tree/$p"/*/Makefile "$tree/$p"/*/Kbuild; do
    [[ -f $mk && $(dirname "$mk") != "$tree/$d" ]] || continue
    grep -qE "\.\./$b([/[:space:]]|\$)" "$mk" || continue
    mk=${mk#"$tree"/}
    echo "${mk%/*}/../$b/$(basename "${f%.c}").o"
  done
}
nb=$(( (${#todo[@]} + batch - 1) / batch ))
failed_now=()
for ((b = 0; b < nb; b++)); do
  part=("${todo[@]:b*batch:batch}")
  objs=("${part[@]/%.c/.o}")
  blog=$state/build-$(printf '%03d' "$b").log
  kmake -k -j"$jobs" "${objs[@]}" >"$blog" 2>&1 || true
  nok=0
  for f in "${part[@]}"; do
    if built "$f"; then nok=$((nok + 1)); echo "$f" >>"$state/built.txt"; else failed_now+=("$f"); fi
  done
  log "build: batch $((b + 1))/$nb: $nok/${#part[@]} built (log: $blog)"
done
if ((${#failed_now[@]})); then
  alt=()
  for f in "${failed_now[@]}"; do
    mapfile -t -O "${#alt[@]}" alt < <(sibling_targets "$f")
  done
  if ((${#alt[@]})); then
    log "build: retrying ${#alt[@]} objects through a sibling directory's Makefile: ${alt[*]}"
    kmake -k -j"$jobs" "${alt[@]}" >"$state/build-sibling.log" 2>&1 || true
  fi
  nok=0
  for f in "${failed_now[@]}"; do
    if built "$f"; then
      nok=$((nok + 1)); echo "$f" >>"$state/built.txt"
    else
      echo "$f" >>"$state/failed.txt"
    fi
  done
  log "build: retry: $nok more built; $((${#failed_now[@]} - nok)) failed (listed in $state/failed.txt)"
fi

# ---- 5. compile_commands.json -----------------------------------------------------------------
log "compile_commands.json: scripts/clang-tools/gen_compile_commands.py"
# Only the directories holding built candidates are walked (a directory inside another one in
# the list is dropped, the walk is recursive), so host programs from scripts/ and arch/*/tools
# stay out of the database.
mapfile -t db_dirs < <(
  while IFS= read -r f; do built "$f" && dirname "$f"; done <"$state/candidates.txt" |
    LC_ALL=C sort -u | awk '{ for (i = 1; i <= n; i++) if (index($0 "/", d[i] "/") == 1) next; d[++n] = $0; print }')
((${#db_dirs[@]})) || { echo "kernel-compile-db: no candidate object was built" >&2; exit 1; }
(cd "$tree" && python3 scripts/clang-tools/gen_compile_commands.py -d . -o compile_commands.json \
    --ar "$llvm_bin/llvm-ar" "${db_dirs[@]}")
python3 - "$tree" "$state/candidates.txt" "$state/failed.txt" <<'EOF'
import json, os, sys
tree, cand_path, failed_path = sys.argv[1:]
with open(os.path.join(tree, 'compile_commands.json')) as f:
    db = json.load(f)
files = {os.path.relpath(os.path.join(e['directory'], e['file']), tree) for e in db}
cands = [l.strip() for l in open(cand_path) if l.strip()]
covered = sum(c in files for c in cands)
failed = len({l.strip() for l in open(failed_path) if l.strip()} - files)
print(f'compile_commands.json: {len(db)} entries', file=sys.stderr)
print(f'candidate files: {len(cands)}', file=sys.stderr)
print(f'candidates with an entry in compile_commands.json: {covered}', file=sys.stderr)
print(f'candidates without one (not enabled or not compilable alone; see .kernel-compile-db/failed.txt): {failed}', file=sys.stderr)
EOF
log "done: $tree/compile_commands.json"
