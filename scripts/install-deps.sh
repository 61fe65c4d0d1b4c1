#!/usr/bin/env bash
# Installs every Debian 12 package mmap-prepare-lint needs to build, test and benchmark.
# Idempotent: packages already present are left alone.
set -euo pipefail
packages=(
  cmake make ninja-build g++ python3 git
  llvm-19-dev libclang-19-dev clang-19 clang-tidy-19 llvm-19-tools lld-19
  clang-format-19  # the `format` test: the tree is formatted with .clang-format
  nlohmann-json3-dev libgtest-dev googletest
  flex bison bc libelf-dev libssl-dev cpio kmod  # kernel tree builds (scripts/kernel-compile-db.sh)
  python3-jsonschema  # SARIF validation fallback when npm (for the Multitool) is absent
  # benchmarks
  coccinelle  # bench/tree.py compares against spatch
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Microsoft's SARIF Multitool (npm), for the SARIF validation tests
# (test/checks/cli-tree/Inputs/validate_sarif.py); a self-contained binary,
# no .NET needed. Optional: without it the tests validate against the JSON
# schema. MPL_NO_NPM=1 skips it.
sarif_dir=${XDG_CACHE_HOME:-$HOME/.cache}/mmap-prepare-lint/sarif-multitool
# npm is used when the machine has one (nodejs from its own repository ships
# it); Debian's npm package conflicts with such a nodejs, so it is not
# installed here.
if [[ -z ${MPL_NO_NPM:-} && ! -x $sarif_dir/node_modules/.bin/sarif-multitool ]] && command -v npm >/dev/null; then
  mkdir -p "$sarif_dir"
  if npm install --no-audit --no-fund --prefix "$sarif_dir" @microsoft/sarif-multitool@5 >/dev/null 2>&1; then
    # npm does not run the package's postinstall (chmod) under the default policy.
    chmod u+x "$sarif_dir"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
  else
    echo "install-deps: could not install @microsoft/sarif-multitool; SARIF tests fall back to the JSON schema" >&2
  fi
fi
