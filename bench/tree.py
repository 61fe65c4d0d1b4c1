#!/usr/bin/env python3
"""bench/tree.py TREE [JOBS] [TOOL] [--skip-typed]: a whole-tree run against a
plain parse and against Coccinelle, same TUs, same parallelism, one run; then
the result cache's re-runs.

  1. mmap-prepare-lint -p TREE -jJOBS (pre-filter, skipped header bodies),
     cold: an empty result cache (flag-probe verdicts warmed beforehand);
     then 5.-7. below
  2. clang-19 -fsyntax-only over every database entry, JOBS at a time
  3. spatch --sp-file bench/mmap-sites.cocci --no-includes  (untyped)
  4. spatch ... --recursive-includes -I<the kernel's include paths> (typed)
     (a time limit of 15 min; reported as a lower bound when hit)
  5. the tool again, warm: nothing changed
  6. after touching one driver .c (a comment appended, then restored)
  7. after touching one header that some units read (likewise)
The tool's runs come first, one after the other, so that they find the page
cache as the cold run did (typed spatch needs gigabytes and evicts it).
Coccinelle gets the same file list, split into JOBS lists run as parallel
spatch processes, each list a --file-groups file with one file per group (so
--timeout 120 applies per file, as the tool's --timeout does). Prints wall
times, ratios, how many units each tool run parsed (--cache-stats) and how
many .mmap sites each found.
"""
import concurrent.futures as cf
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_db, syntax_only  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
tree = os.path.abspath(args[0])
jobs = int(args[1]) if len(args) > 1 else os.cpu_count()
tool = args[2] if len(args) > 2 else os.path.join(here, "..", "build", "bin", "mmap-prepare-lint")
skip_typed = "--skip-typed" in sys.argv
db = load_db(os.path.join(tree, "compile_commands.json"))
files = [e["file"] for e in db]
tmp = tempfile.mkdtemp(prefix="mpl-tree-")


def wall(fn):
    t = time.time()
    r = fn()
    return time.time() - t, r


# 1. the tool
cache = os.path.join(tmp, "cache")


peak_rss = []  # KB: the largest process of each tool run (a worker, or the parent)


def run_tool():
    rss = os.path.join(tmp, "rss")
    out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss,
                          tool, "-p", tree, "-j%d" % jobs, "--quiet", "--format=json",
                          "--cache-dir=" + cache, "--cache-stats"],
                         capture_output=True, text=True, cwd=tree)
    peak_rss.append(int(open(rss).read().split()[-1]))
    doc = json.loads(out.stdout)
    m = re.search(r"(\d+) units? parsed, (\d+) from the result cache", out.stderr)
    sites = sum(1 for f in doc["findings"] if f["check"] == "mmap-prepare-legacy-hook")
    return sites, int(m.group(1)), int(m.group(2)), out.stdout


subprocess.run([tool, "-p", tree, "--prefilter-report", "--cache-dir=" + cache],
               capture_output=True, cwd=tree)  # warm the flag cache and page cache
t_tool, (tool_sites, parsed, _, cold_out) = wall(run_tool)
skipped = json.loads(cold_out)["summary"]["skipped_by_prefilter"]
print("mmap-prepare-lint -j%d (cold)     %8.1f s  (%d legacy-hook findings; %d units parsed, "
      "%d skipped by the pre-filter)" % (jobs, t_tool, tool_sites, parsed, skipped), flush=True)


# 5.-7. re-runs with the result cache
t_warm, (_, warm_parsed, warm_hits, warm_out) = wall(run_tool)
print("mmap-prepare-lint (warm)         %8.1f s  (%d units parsed, %d from the cache; output %s)"
      % (t_warm, warm_parsed, warm_hits, "identical" if warm_out == cold_out else "DIFFERENT"),
      flush=True)


def readers():
    """Per file, the units whose cache entries list it as read."""
    out = {}
    for path in glob.glob(os.path.join(cache, "results", "*", "*.json")):
        e = json.load(open(path))
        for f, _ in e["read"]:
            out.setdefault(f, set()).add(e["file"])
    return out


def touched(path):
    """Re-run after appending a comment to PATH; its bytes are restored after."""
    old = open(path, "rb").read()
    try:
        with open(path, "ab") as fh:
            fh.write(b"\n/* bench/tree.py */\n")
        return wall(run_tool)
    finally:
        with open(path, "wb") as fh:
            fh.write(old)


read_by = readers()
units = {f for fs in read_by.values() for f in fs}
driver = sorted(u for u in units if "/drivers/" in u)[0]
t_c, (_, c_parsed, c_hits, c_out) = touched(driver)
print("after touching %s  %8.1f s  (%d unit parsed, %d from the cache; output %s)"
      % (os.path.relpath(driver, tree), t_c, c_parsed, c_hits,
         "identical" if c_out == cold_out else "DIFFERENT"), flush=True)
# A header read by a few units, not by all: the one closest to 5 readers.
headers = sorted((abs(len(r) - 5), h) for h, r in read_by.items()
                 if h.endswith(".h") and h.startswith(tree + "/") and 1 < len(r) < len(units))
header = headers[0][1]
t_h, (_, h_parsed, h_hits, h_out) = touched(header)
print("after touching %s (read by %d units)  %8.1f s  (%d units parsed, %d from the cache; output %s)"
      % (os.path.relpath(header, tree), len(read_by[header]), t_h, h_parsed, h_hits,
         "identical" if h_out == cold_out else "DIFFERENT"), flush=True)
size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(cache, "results", "*", "*.json")))
print("result cache: %d entries, %.1f MB" % (len(units), size / 1e6))


# 2. plain parse
clang_rss = []


def run_clang():
    def one(ie):
        i, e = ie
        rss = os.path.join(tmp, "clang-rss%d" % i)
        rc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss] + syntax_only(e["arguments"]),
                            cwd=e["directory"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
        clang_rss.append(int(open(rss).read().split()[-1]))
        return rc
    with cf.ThreadPoolExecutor(jobs) as ex:
        return sum(1 for rc in ex.map(one, enumerate(db)) if rc != 0)


t_clang, clang_fail = wall(run_clang)
print("clang-19 -fsyntax-only -j%d       %8.1f s  (%d TUs failed)" % (jobs, t_clang, clang_fail), flush=True)
print("peak RSS: the tool's largest process %d MB cold, %d MB warm; clang-19 -fsyntax-only's "
      "largest unit %d MB" % (peak_rss[0] // 1024, peak_rss[1] // 1024, max(clang_rss) // 1024),
      flush=True)


# 3./4. Coccinelle
def include_flags():
    # The kernel's include paths, as the database gives them (first entry).
    out, it = [], iter(db[0]["arguments"])
    for a in it:
        if a == "-I":
            out += ["-I", os.path.join(db[0]["directory"], next(it))]
        elif a.startswith("-I"):
            out += ["-I", os.path.join(db[0]["directory"], a[2:])]
        elif a == "-include":
            out += ["--include", os.path.join(db[0]["directory"], next(it))]
    return out


def run_spatch(extra, limit):
    groups = [files[i::jobs] for i in range(jobs)]
    procs = []
    for i, g in enumerate(groups):
        # One file per group (groups are separated by blank lines): spatch
        # treats the files of one command line as one unit, with one --timeout.
        lst = os.path.join(tmp, "group%d.txt" % i)
        with open(lst, "w") as fh:
            fh.write("\n\n".join(g) + "\n")
        out = open(os.path.join(tmp, "spatch%d.out" % i), "w")
        cmd = ["spatch", "--sp-file", os.path.join(here, "mmap-sites.cocci"), "--very-quiet",
               "--timeout", "120"] + extra + ["--file-groups", lst]
        procs.append((subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=tree), out))
    deadline = time.time() + limit
    timed_out = False
    for p, out in procs:
        try:
            p.wait(timeout=max(1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            p.kill()
            timed_out = True
        out.close()
    sites = sum(open(os.path.join(tmp, "spatch%d.out" % i)).read().count(": .mmap =")
                + open(os.path.join(tmp, "spatch%d.out" % i)).read().count(": ->mmap =")
                for i in range(jobs))
    return sites, timed_out


t_untyped, (u_sites, u_to) = wall(lambda: run_spatch(["--no-includes"], 1800))
print("spatch --no-includes (untyped)   %8.1f s  (%d sites)%s" % (t_untyped, u_sites, " TIMEOUT" if u_to else ""), flush=True)
if not skip_typed:
    t_typed, (t_sites, t_to) = wall(lambda: run_spatch(["--recursive-includes"] + include_flags(), 900))
    print("spatch --recursive-includes      %8.1f s  (%d sites)%s" % (t_typed, t_sites, " TIMEOUT (lower bound)" if t_to else ""), flush=True)



print()
print("TUs: %d, jobs: %d" % (len(files), jobs))
print("tool / clang -fsyntax-only   %.2fx" % (t_tool / t_clang))
print("tool / spatch untyped        %.2fx" % (t_tool / t_untyped))
if not skip_typed:
    print("tool / spatch typed          %.2fx%s" % (t_tool / t_typed, " (spatch hit the limit)" if t_to else ""))
print("warm / cold                  %.3fx" % (t_warm / t_tool))
print("warm / spatch untyped        %.2fx" % (t_warm / t_untyped))
