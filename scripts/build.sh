#!/usr/bin/env bash
# Configures and builds mmap-prepare-lint into build/ (CLI: build/bin/mmap-prepare-lint).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# The pinned toolchain builds it too (LLVM 19's clang, installed by
# install-deps.sh): GCC 12 prints -Wnonnull false positives from clang's own
# headers. CC/CXX in the environment still win.
compilers=()
llvm_bin=/usr/lib/llvm-19/bin
if [[ -z "${CXX:-}" && -x $llvm_bin/clang++ ]]; then
  compilers=(-DCMAKE_C_COMPILER=$llvm_bin/clang -DCMAKE_CXX_COMPILER=$llvm_bin/clang++)
fi
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build "${generator[@]}" "${compilers[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build build -j "${MPL_JOBS:-2}"
