#!/usr/bin/env python3
"""bench/tree.py TREE [JOBS] [TOOL] [--skip-typed]: a whole-tree run against a
plain parse and against Coccinelle, same TUs, same parallelism, one run.

  1. mmap-prepare-lint -p TREE -jJOBS (pre-filter, skipped header bodies)
  2. clang-19 -fsyntax-only over every database entry, JOBS at a time
  3. spatch --sp-file bench/mmap-sites.cocci --no-includes  (untyped)
  4. spatch ... --recursive-includes -I<the kernel's include paths> (typed)
     (a time limit of 15 min; reported as a lower bound when hit)
Coccinelle gets the same file list, split into JOBS lists run as parallel
spatch processes, each list a --file-groups file with one file per group (so
--timeout 120 applies per file, as the tool's --timeout does). Prints wall times, ratios and how many .mmap
sites each found.
"""
import concurrent.futures as cf
import json
import os
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
def run_tool():
    out = subprocess.run([tool, "-p", tree, "-j%d" % jobs, "--quiet", "--format=json",
                          "--cache-dir=" + os.path.join(tmp, "cache")],
                         capture_output=True, text=True, cwd=tree)
    doc = json.loads(out.stdout)
    return sum(1 for f in doc["findings"] if f["check"] == "mmap-prepare-legacy-hook")


subprocess.run([tool, "-p", tree, "--prefilter-report", "--cache-dir=" + os.path.join(tmp, "cache")],
               capture_output=True, cwd=tree)  # warm the flag cache and page cache
t_tool, tool_sites = wall(run_tool)
print("mmap-prepare-lint -j%d            %8.1f s  (%d legacy-hook findings)" % (jobs, t_tool, tool_sites), flush=True)


# 2. plain parse
def run_clang():
    def one(e):
        return subprocess.run(syntax_only(e["arguments"]), cwd=e["directory"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    with cf.ThreadPoolExecutor(jobs) as ex:
        return sum(1 for rc in ex.map(one, db) if rc != 0)


t_clang, clang_fail = wall(run_clang)
print("clang-19 -fsyntax-only -j%d       %8.1f s  (%d TUs failed)" % (jobs, t_clang, clang_fail), flush=True)


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
