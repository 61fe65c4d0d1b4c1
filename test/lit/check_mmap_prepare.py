#!/usr/bin/env python3
"""check_mmap_prepare.py: the findings test of one C input, strict by default.

  %check_mmap_prepare [--exit N] [--check-prefix P] [--strict-notes]
                      [--implicit-check-not PATTERN]...
                      INPUT [tool options...] [-- compiler flags...]

Runs the CLI on INPUT with the mock kernel headers (%kflags) and any extra
compiler flags, requires exit status N (default: 1 when the input has a
CHECK line naming a warning or an error, else 0), and runs FileCheck on the
output with --implicit-check-not for `warning:` and `error:`: as with
clang-tidy's check_clang_tidy.py, a diagnostic the test does not expect
fails it; notes are checked only where the test spells them, unless
--strict-notes.
"""
import argparse
import re
import subprocess
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tool", required=True)
    p.add_argument("--filecheck", required=True)
    p.add_argument("--kflags", required=True)
    p.add_argument("--exit", type=int)
    p.add_argument("--check-prefix", default="CHECK")
    p.add_argument("--implicit-check-not", action="append", default=[],
                   help="a further pattern the output must not contain")
    p.add_argument("--strict-notes", action="store_true",
                   help="a note the test does not expect fails it too")
    p.add_argument("input")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    # argparse would swallow the `--` that starts the compiler flags.
    argv, flags = sys.argv[1:], []
    if "--" in argv:
        at = argv.index("--")
        argv, flags = argv[:at], argv[at + 1:]
    args = p.parse_args(argv)
    tool_opts = args.rest
    cmd = [args.tool] + tool_opts + [args.input, "--"] + args.kflags.split() + flags
    run = subprocess.run(cmd, capture_output=True)

    with open(args.input, encoding="utf-8", errors="replace") as f:
        text = f.read()
    prefix = re.escape(args.check_prefix)
    expects_finding = re.search(
        r"^\s*// %s(-[A-Z]+)?:.*\b(warning|error):" % prefix, text, re.M)
    want = args.exit if args.exit is not None else (1 if expects_finding else 0)
    if run.returncode != want:
        sys.stderr.write("expected exit status %d, got %d: %s\n%s"
                         % (want, run.returncode, " ".join(cmd),
                            run.stderr.decode(errors="replace")))
        return 1

    check = subprocess.run(
        [args.filecheck, args.input, "--check-prefix=" + args.check_prefix,
         "--implicit-check-not=warning:", "--implicit-check-not=error:",
         "--allow-empty", "--dump-input=fail"] +
        (["--implicit-check-not=note:"] if args.strict_notes else []) +
        ["--implicit-check-not=" + n for n in args.implicit_check_not],
        input=run.stdout)
    return check.returncode


if __name__ == "__main__":
    sys.exit(main())
