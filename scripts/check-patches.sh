#!/usr/bin/env bash
# Tries --patches on a real kernel tree, as a maintainer would receive them:
# the tool writes the series into a scratch git copy's mails, then every
# patch goes through the tree's checkpatch.pl --strict and every series
# through git am, in order, on the scratch copy (reset to its base commit
# between series). Prints a summary (docs/ci.md, "--patches").
#
#   scripts/check-patches.sh <kernel tree> <tool> [file...]
#
# The files (relative to the tree) default to every unit of the compile
# database. Environment: SCRATCH (default <tree>-mpl-scratch: a full copy,
# never hard links, since git am writes the files), OUT (the mails, default
# /tmp/mpl-series), AUTHOR (default 'Test <test@example.org>'), JOBS (2).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,14s/^# \{0,1\}//p' "$0" >&2
  exit 2
fi
tree=$(cd "$1" && pwd)
tool=$(realpath "$2")
shift 2
scratch=${SCRATCH:-$tree-mpl-scratch}
out=${OUT:-/tmp/mpl-series}
author=${AUTHOR:-Test <test@example.org>}
git=(git -C "$scratch" -c user.name=mpl -c user.email=mpl@example.org)

if [[ ! -d $scratch/.git ]]; then
  echo "== copying $tree to $scratch (once; a few minutes)"
  [[ -e $scratch ]] && { echo "$scratch exists but is no git tree" >&2; exit 2; }
  cp -a "$tree" "$scratch"
  # Debian's source packages ignore everything at the top level ("/*").
  sed -i '/^\/\*$/d; /^!\/debian\/$/d' "$scratch/.gitignore" 2>/dev/null || true
  # The database names the original tree; the copy's units are its own.
  if [[ -f $scratch/compile_commands.json ]]; then
    sed -i "s|$tree/|$scratch/|g; s|\"$tree\"|\"$scratch\"|g" "$scratch/compile_commands.json"
  fi
  "${git[@]}" init -q
  "${git[@]}" add -A
  "${git[@]}" commit -qm base
  "${git[@]}" tag mpl-base
fi
"${git[@]}" am --abort >/dev/null 2>&1 || true
"${git[@]}" reset -q --hard mpl-base

files=()
for f in "$@"; do files+=("$scratch/$f"); done
rm -rf "$out"
echo "== mmap-prepare-lint --patches=$out"
rc=0
(cd "$scratch" && "$tool" -p "$scratch" --patches="$out" -j"${JOBS:-2}" \
  --author="$author" --signoff --quiet "${files[@]}" >/dev/null 2>"$out.log") || rc=$?
grep -E ': (error|note):' "$out.log" || true
[[ $rc -le 1 ]] || echo "(tool exit status $rc)"

mapfile -t patches < <(find "$out" -name '*.patch' ! -name '0000-cover-letter.patch' | sort)
mapfile -t series < <(find "$out" -mindepth 1 -maxdepth 1 -type d | sort)
covers=$(find "$out" -name 0000-cover-letter.patch | wc -l)

echo "== checkpatch.pl --strict"
: >"$out.checkpatch"
unchecked=0
for p in "${patches[@]}"; do
  echo "--- ${p#"$out"/}" >>"$out.checkpatch"
  (cd "$scratch" && perl scripts/checkpatch.pl --strict "$p" >"$out.one" 2>&1) || true
  cat "$out.one" >>"$out.checkpatch"
  # Its exit status says "found something"; only its total says it ran.
  if ! grep -q '^total: ' "$out.one"; then
    unchecked=$((unchecked + 1))
    echo "not checked: ${p#"$out"/}: $(head -1 "$out.one")"
  fi
done
for type in ERROR WARNING CHECK; do
  printf '%-8s %s\n' "$type" "$(grep -c "^$type:" "$out.checkpatch" || true)"
done
grep -hE '^(ERROR|WARNING|CHECK):' "$out.checkpatch" | sort | uniq -c | sort -rn || true

echo "== git am, series by series, on $scratch"
applied=0 failed=0
for s in "${series[@]}"; do
  mapfile -t numbered < <(ls "$s"/*.patch | grep -v '/0000-cover-letter\.patch$')
  if "${git[@]}" am -q "${numbered[@]}" >"$out.am" 2>&1; then
    applied=$((applied + 1))
    echo "ok    ${s#"$out"/} (${#numbered[@]})"
  else
    failed=$((failed + 1))
    echo "FAIL  ${s#"$out"/}: $(head -1 "$out.am")"
    "${git[@]}" am --abort >/dev/null 2>&1 || true
  fi
  "${git[@]}" reset -q --hard mpl-base
done

sent=-
if [[ -x "$(git --exec-path)/git-send-email" ]]; then
  echo "== git send-email --dry-run, series by series"
  sent=0
  for s in "${series[@]}"; do
    # Nothing leaves the machine: a dry run, and /bin/true as the server.
    if "${git[@]}" -c sendemail.from="$author" send-email --dry-run --confirm=never \
      --smtp-server=/bin/true "$s" >"$out.send" 2>&1; then
      sent=$((sent + 1))
    else
      echo "FAIL  ${s#"$out"/}: $(tail -1 "$out.send")"
    fi
  done
fi

echo "== recipients"
for s in "${series[@]}"; do
  # The first mail (the cover letter, if any) goes to everyone.
  first=$(ls "$s"/*.patch | head -1)
  read -r to cc < <(awk '/^$/ { exit } /^[A-Za-z-]+:/ { h = $1 }
    h == "To:" && /@/ { to++ } h == "Cc:" && /@/ { cc++ }
    END { print to + 0, cc + 0 }' "$first")
  echo "${s#"$out"/}: $(ls "$s" | grep -vc cover-letter) patch(es), To: $to, Cc: $cc"
done

echo "== summary"
echo "patches: ${#patches[@]} in ${#series[@]} series ($covers with a cover letter)"
echo "checkpatch --strict: $(grep -c '^ERROR:' "$out.checkpatch" || true) errors," \
  "$(grep -c '^WARNING:' "$out.checkpatch" || true) warnings," \
  "$(grep -c '^CHECK:' "$out.checkpatch" || true) checks, $unchecked patches not checked" \
  "(details: $out.checkpatch)"
echo "git am: $applied series applied, $failed failed"
if [[ $sent == - ]]; then
  echo "git send-email: not installed (Debian: git-email), not tried"
else
  echo "git send-email --dry-run: $sent of ${#series[@]} series accepted"
fi
[[ $failed -eq 0 && $unchecked -eq 0 ]]
