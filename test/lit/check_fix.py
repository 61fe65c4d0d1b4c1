#!/usr/bin/env python3
"""check_fix.py: the contract of every fix test.

  check_fix.py --tool T --clang C --kernel-include I [--api A]
               INPUT EXPECTED WORKDIR

1. copies INPUT into WORKDIR and runs `T --fix` on the copy;
2. the result must equal EXPECTED byte for byte (a diff is printed if not);
3. the result must compile with clang-19 -fsyntax-only against the mock
   kernel headers, with the kernel's warnings that matter made errors;
4. a second `T --fix` run must report nothing fixable and change nothing.
"""
import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys

COMPILE_FLAGS = ["-fsyntax-only", "-std=gnu11", "-Wall", "-Werror",
                 "-Wdeclaration-after-statement", "-Wno-unused-function",
                 "-Wno-unused-variable", "-Wno-unused-but-set-variable"]


def fail(msg):
    sys.stderr.write("check_fix: " + msg + "\n")
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--kernel-include", required=True)
    ap.add_argument("--api", default=None)
    ap.add_argument("--define", action="append", default=[])
    ap.add_argument("input")
    ap.add_argument("expected")
    ap.add_argument("workdir")
    args = ap.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    work = os.path.join(args.workdir, os.path.basename(args.input))
    shutil.copyfile(args.input, work)
    flags = ["-nostdinc", "-I" + args.kernel_include] + \
        ["-D" + d for d in args.define]
    tool = [args.tool] + (["--api=" + args.api] if args.api else [])

    first = subprocess.run(tool + ["--fix", "--quiet", work, "--"] + flags,
                           capture_output=True, text=True)
    if first.returncode == 2:
        fail("the fix run failed:\n" + first.stderr)

    with open(work) as f:
        got = f.read()
    with open(args.expected) as f:
        want = f.read()
    if got != want:
        diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                    "expected", "got")
        fail("fixed output differs from %s:\n%s" % (args.expected, "".join(diff)))

    cc = subprocess.run([args.clang] + COMPILE_FLAGS + flags + [work],
                        capture_output=True, text=True)
    if cc.returncode != 0:
        fail("fixed output does not compile:\n" + cc.stderr)

    second = subprocess.run(tool + ["--fix", "--format=json", work, "--"] + flags,
                            capture_output=True, text=True)
    if second.returncode == 2:
        fail("the second run failed:\n" + second.stderr)
    report = json.loads(second.stdout)
    if report["summary"]["fixable"] != 0:
        fail("the second run still finds fixable code:\n" + second.stdout)
    with open(work) as f:
        if f.read() != got:
            fail("the second --fix run changed the file again")


if __name__ == "__main__":
    main()
