#!/usr/bin/env bash
# Installs what the project needs, builds it, and runs every test (gtest unit
# tests and the lit behaviour suite) through ctest. No kernel tree needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure
