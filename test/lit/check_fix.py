#!/usr/bin/env python3
"""check_fix.py: the contract of every fix test, for both front ends.

  check_fix.py --tool T --clang C --kernel-include I
               [--clang-tidy CT --tidy-plugin P] [--frontend cli|tidy|both]
               [--api A] [--define D]... INPUT EXPECTED WORKDIR

With --frontend both (the default), first:
0. the CLI (`--format=json`) and the clang-tidy plugin (its
   `file:line:col: warning: msg [check-id]` lines and their notes) must
   report the same findings on the ORIGINAL input (see frontends.py).

Then, for each front end (the CLI, then clang-tidy with the plugin):
1. copies INPUT into WORKDIR/<front end>/ and fixes the copy (`T --fix`, or
   `clang-tidy -load=P -checks='-*,mmap-prepare-*' --fix`; --api becomes the
   `Api` CheckOption);
2. the result, without the test's own lines (`// RUN:` and the FileCheck
   lines of its prefixes), must equal EXPECTED byte for byte (a diff is
   printed if not): the same .expected file for both front ends, and editing
   a CHECK line never touches it;
3. the result must compile with clang-19 -fsyntax-only against the mock
   kernel headers, with the kernel's warnings that matter made errors;
4. a second fix run must find nothing fixable and change nothing.

With MPL_UPDATE_EXPECTED=1 in the environment, step 2 writes the CLI's
result to EXPECTED first (review the diff before committing it).
"""
import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys

import frontends

COMPILE_FLAGS = ["-fsyntax-only", "-std=gnu11", "-Wall", "-Werror",
                 "-Wdeclaration-after-statement", "-Wno-unused-function",
                 "-Wno-unused-variable", "-Wno-unused-but-set-variable"]


def test_lines_pattern(text):
    """The lines of a test input that belong to the test, not the driver:
    RUN lines and the FileCheck directives of every prefix its RUN lines
    name (CHECK by default), with their -NEXT/-DAG/-NOT/... suffixes."""
    prefixes = {"CHECK"}
    for m in re.finditer(r"--check-prefix(?:es)?[= ]([\w,-]+)", text):
        prefixes.update(m.group(1).split(","))
    names = "|".join(sorted(re.escape(p) for p in prefixes))
    return re.compile(r"^[ \t]*// (?:RUN|(?:%s)(?:-[A-Z]+)?):.*\n?" % names,
                      re.M)


def strip_test_lines(text, pattern):
    return pattern.sub("", text)


def fail(msg, frontend=None):
    prefix = "check_fix" + ("[%s]" % frontend if frontend else "")
    sys.stderr.write(prefix + ": " + msg + "\n")
    sys.exit(1)


def fix_with_cli(args, work, flags):
    tool = frontends.cli_command(args.tool, args.api)
    first = subprocess.run(tool + ["--fix", "--quiet", work, "--"] + flags,
                           capture_output=True, encoding="utf-8", errors="replace")
    if first.returncode == 2:
        fail("the fix run failed:\n" + first.stderr, "cli")
    return first.stderr


def second_run_cli(args, work, flags):
    tool = frontends.cli_command(args.tool, args.api)
    second = subprocess.run(tool + ["--fix", "--format=json", work, "--"] + flags,
                            capture_output=True, encoding="utf-8", errors="replace")
    if second.returncode == 2:
        fail("the second run failed:\n" + second.stderr, "cli")
    report = json.loads(second.stdout)
    if report["summary"]["fixable"] != 0:
        fail("the second run still finds fixable code:\n" + second.stdout, "cli")


def fix_with_tidy(args, work, flags):
    cmd = frontends.tidy_command(args.clang_tidy, args.tidy_plugin, args.api,
                                 ["--fix", "--quiet"])
    first = subprocess.run(cmd + [work, "--"] + flags,
                           capture_output=True, encoding="utf-8", errors="replace")
    if first.returncode != 0:
        fail("the fix run failed (exit %d):\n%s%s"
             % (first.returncode, first.stdout, first.stderr), "tidy")
    return first.stdout + first.stderr


def second_run_tidy(args, work, flags):
    exported = work + ".second-run.yaml"
    cmd = frontends.tidy_command(args.clang_tidy, args.tidy_plugin, args.api,
                                 ["--fix", "--quiet", "--export-fixes=" + exported])
    second = subprocess.run(cmd + [work, "--"] + flags,
                            capture_output=True, encoding="utf-8", errors="replace")
    if second.returncode != 0:
        fail("the second run failed (exit %d):\n%s%s"
             % (second.returncode, second.stdout, second.stderr), "tidy")
    # Diagnostics without a fix are exported with `Replacements: []`; any
    # ReplacementText means a warning still carries a fix.
    text = open(exported).read() if os.path.exists(exported) else ""
    if "ReplacementText:" in text:
        fail("the second run still suggests fixes:\n" + second.stdout + text, "tidy")


def run_frontend(name, args, flags, want):
    workdir = os.path.join(args.workdir, name)
    os.makedirs(workdir, exist_ok=True)
    work = os.path.join(workdir, os.path.basename(args.input))
    shutil.copyfile(args.input, work)
    fix, second = {"cli": (fix_with_cli, second_run_cli),
                   "tidy": (fix_with_tidy, second_run_tidy)}[name]

    log = fix(args, work, flags)
    with open(work) as f:
        fixed = f.read()
    got = strip_test_lines(fixed, args.test_lines)
    if os.environ.get("MPL_UPDATE_EXPECTED") == "1" and name == "cli":
        # Regenerating golden files (docs/CONTRIBUTING.md): the CLI's output
        # becomes EXPECTED; every other step below still runs on it.
        with open(args.expected, "w") as f:
            f.write(got)
        want = got
    if got != want:
        diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                    "expected", "got")
        fail("fixed output differs from %s:\n%s\n%s"
             % (args.expected, "".join(diff), log), name)

    cc = subprocess.run([args.clang] + COMPILE_FLAGS + flags + [work],
                        capture_output=True, encoding="utf-8", errors="replace")
    if cc.returncode != 0:
        fail("fixed output does not compile:\n" + cc.stderr, name)

    second(args, work, flags)
    with open(work) as f:
        if f.read() != fixed:
            fail("the second fix run changed the file again", name)
    return want


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--kernel-include", required=True)
    ap.add_argument("--clang-tidy", default=None)
    ap.add_argument("--tidy-plugin", default=None)
    ap.add_argument("--frontend", choices=("cli", "tidy", "both"), default="both")
    ap.add_argument("--api", default=None)
    ap.add_argument("--define", action="append", default=[])
    ap.add_argument("input")
    ap.add_argument("expected")
    ap.add_argument("workdir")
    args = ap.parse_args()
    if args.frontend != "cli" and not (args.clang_tidy and args.tidy_plugin):
        fail("--frontend %s needs --clang-tidy and --tidy-plugin" % args.frontend)

    os.makedirs(args.workdir, exist_ok=True)
    flags = ["-nostdinc", "-I" + args.kernel_include] + \
        ["-D" + d for d in args.define]
    with open(args.input) as f:
        args.test_lines = test_lines_pattern(f.read())
    with open(args.expected) as f:
        want = f.read()

    if args.frontend == "both":
        error, _ = frontends.compare_findings(
            args.tool, args.clang_tidy, args.tidy_plugin, args.api,
            [os.path.abspath(args.input)], flags, os.getcwd())
        if error:
            fail(error)

    for name in ("cli", "tidy"):
        if args.frontend in (name, "both"):
            want = run_frontend(name, args, flags, want)


if __name__ == "__main__":
    main()
