#!/usr/bin/env bash
# Configures and builds mmap-prepare-lint into build/ (CLI: build/bin/mmap-prepare-lint).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build build -j "${MPL_JOBS:-2}"
