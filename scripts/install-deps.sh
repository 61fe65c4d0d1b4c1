#!/usr/bin/env bash
# Installs every Debian 12 package mmap-prepare-lint needs to build, test and benchmark.
# Idempotent: packages already present are left alone.
set -euo pipefail
packages=(
  cmake make ninja-build g++ python3 git
  llvm-19-dev libclang-19-dev clang-19 clang-tidy-19 llvm-19-tools lld-19
  nlohmann-json3-dev libgtest-dev googletest
  flex bison bc libelf-dev libssl-dev cpio kmod  # kernel tree builds (scripts/kernel-compile-db.sh)
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
