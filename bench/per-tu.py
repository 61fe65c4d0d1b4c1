#!/usr/bin/env python3
"""bench/per-tu.py TREE [N] [TOOL]: per-TU cost of mmap-prepare-lint against
a plain parse (`clang-19 -fsyntax-only`, same command, same TU).

Takes every k-th entry of TREE/compile_commands.json (N of them, default 30),
and for each runs, alternately and one at a time:
  - clang-19 -fsyntax-only -w <the entry's flags>            (plain parse)
  - mmap-prepare-lint -p <a one-entry database> -j1 <file>  (default mode, but
    --no-prefilter --no-cache: every unit parsed, none from the result cache)
  - mmap-prepare-lint ... --no-skip-bodies                  (every body parsed)
each under /usr/bin/time (wall, peak RSS). Prints per-TU rows and the ratios
of the sums, and the ratio of the peak RSS (per worker: the tool's peak is
that of its largest process, i.e. one worker).
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_db, syntax_only, timed  # noqa: E402

tree = os.path.abspath(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
tool = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "build", "bin", "mmap-prepare-lint")
db = load_db(os.path.join(tree, "compile_commands.json"))
step = max(1, len(db) // n)
sample = db[::step][:n]
tmp = tempfile.mkdtemp(prefix="mpl-bench-")
cache = os.path.join(tmp, "cache")

rows = []
for i, e in enumerate(sample):
    one = os.path.join(tmp, "db%d" % i)
    os.makedirs(one)
    json.dump([{"directory": e["directory"], "file": e["file"], "arguments": e["arguments"]}],
              open(os.path.join(one, "compile_commands.json"), "w"))
    # Every unit parsed (no pre-filter) and none from the result cache: the
    # cost of analysing one unit, not of deciding to skip it.
    base = [tool, "-p", one, "-j1", "--quiet", "--cache-dir=" + cache, "--no-cache",
            "--no-prefilter", e["file"]]
    timed(base, cwd=e["directory"])  # warm the page cache and the flag cache
    c_t, c_m, _ = timed(syntax_only(e["arguments"]), cwd=e["directory"])
    t_t, t_m, _ = timed(base, cwd=e["directory"])
    f_t, f_m, _ = timed(base + ["--no-skip-bodies"], cwd=e["directory"])
    rows.append((os.path.relpath(e["file"], tree), c_t, t_t, f_t, c_m, t_m, f_m))
    print("%-55s clang %5.2fs %7d KB | tool %5.2fs %7d KB | no-skip %5.2fs %7d KB"
          % (rows[-1][0][-55:], c_t, c_m, t_t, t_m, f_t, f_m), flush=True)

C = sum(r[1] for r in rows)
T = sum(r[2] for r in rows)
F = sum(r[3] for r in rows)
print()
print("TUs: %d" % len(rows))
print("plain parse total       %7.2f s" % C)
print("tool (skip bodies)      %7.2f s   ratio %.2fx" % (T, T / C))
print("tool (--no-skip-bodies) %7.2f s   ratio %.2fx" % (F, F / C))
print("skip-bodies speedup     %.2fx" % (F / T))
print("peak RSS: plain max %d KB, tool max %d KB (ratio %.2fx), no-skip max %d KB"
      % (max(r[4] for r in rows), max(r[5] for r in rows),
         max(r[5] for r in rows) / max(r[4] for r in rows), max(r[6] for r in rows)))
print("peak RSS, mean of per-TU ratios: %.2fx" % (sum(r[5] / r[4] for r in rows) / len(rows)))
