#!/usr/bin/env python3
"""compare_frontends.py: the CLI and the clang-tidy plugin must agree on every
test input.

  compare_frontends.py --tool T --clang-tidy CT --tidy-plugin P
                       --kernel-include I --workdir W [--no-fix] PATH...
  compare_frontends.py --tool T --clang-tidy CT --tidy-plugin P
                       --compdb DIR --no-fix FILE...      (e.g. a kernel tree)

PATH is a .c file or a directory (searched recursively for .c files). For
each input, the configurations to run are read from the input's own RUN
lines: every `%mpl ... %s -- %kflags ...` or `%check-fix ... %s ...` line
gives its --api/--suffix/--ops/--checks options and -D defines; an input with
no such line (an example driver, a file under Inputs/) runs with the
defaults. For each configuration:
  1. the findings (check, file, line, column, severity, message and notes)
     of `T --format=json` and of clang-tidy with the plugin must be equal;
  2. unless --no-fix, `T --fix` and `clang-tidy --fix` on two copies must
     leave byte-identical files. One difference is by design and listed as
     GATED instead (a failure only with --strict-gate): the CLI writes a
     rewrite only when the result still compiles, clang-tidy --fix writes
     whatever the engine proposes. When the CLI refused for that reason and
     clang-tidy's result indeed does not compile, the engine proposed a
     non-compiling fix (an explicit --api newer than the headers does that on
     purpose; anything else is an engine bug, which the fix tests catch).
With --compdb, both front ends take each file's command from DIR's
compile_commands.json (`-p DIR`) instead of the mock-kernel flags, and only
the findings are compared (nothing is copied or fixed).
An input that does not compile with its flags (on purpose, or because it
needs include paths of its own test) or that the CLI reports an error for is
listed as skipped. Exits 1 when any input disagrees.

An input found by walking a directory may opt out with a line
    COMPARE-FRONTENDS: skip <why>     (not compared at all, e.g. NOLINT tests)
    COMPARE-FRONTENDS: no-fix <why>   (findings compared, fixed files not)
The reason is printed. Inputs named on the command line are always compared
in full (unless --no-fix).
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys

import frontends

OPTION = re.compile(r"^--(api|suffix|ops|checks)=(.*)$")
MARKER = re.compile(r"COMPARE-FRONTENDS: (skip|no-fix)\b\s*(.*)$")


def marker(path):
    with open(path, errors="replace") as f:
        for line in f:
            m = MARKER.search(line)
            if m:
                return m.group(1), m.group(2).strip()
    return None, ""


def run_lines(path):
    """The input's RUN commands, continuation lines joined."""
    commands, current = [], ""
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"\bRUN:(.*)$", line)
            if not m:
                continue
            part = m.group(1).rstrip()
            if part.endswith("\\"):
                current += part[:-1] + " "
                continue
            commands.append(current + part)
            current = ""
    return commands


def configurations(path):
    """Distinct (options, defines) pairs from the RUN lines that analyse the
    input itself; [({}, ())] when there are none."""
    configs = []
    for command in run_lines(path):
        try:
            words = shlex.split(command.split("|")[0])
        except ValueError:
            continue
        if "%s" not in words:
            continue
        if "%mpl" in words:
            if "--" not in words or "-p" in words:
                continue
            start = words.index("%mpl") + 1
            if any(w in ("--list-checks",) for w in words):
                continue
            before = words[start:words.index("--")]
            after = words[words.index("--") + 1:]
            opts = {}
            for w in before:
                m = OPTION.match(w)
                if m:
                    opts[m.group(1)] = m.group(2)
            defines = tuple(w[2:] for w in after if w.startswith("-D"))
        elif "%check-fix" in words:
            opts, defines = {}, []
            for w in words[words.index("%check-fix") + 1:]:
                if w.startswith("--api="):
                    opts["api"] = w[len("--api="):]
                elif w.startswith("--define="):
                    defines.append(w[len("--define="):])
            defines = tuple(defines)
        else:
            continue
        config = (tuple(sorted(opts.items())), defines)
        if config not in configs:
            configs.append(config)
    return configs or [((), ())]


def inputs(paths):
    """[(path, walked)]: walked is True for files found in a directory."""
    found = {}
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for f in files:
                    if f.endswith(".c"):
                        found.setdefault(os.path.realpath(os.path.join(root, f)), True)
        else:
            found[os.path.realpath(p)] = False
    return sorted(found.items())


GATE = "the rewritten file does not compile"


def read_tree(root):
    found = {}
    for d, _, files in os.walk(root):
        for f in files:
            path = os.path.join(d, f)
            with open(path, "rb") as h:
                found[os.path.relpath(path, root)] = h.read()
    return found


def compare_fixes(args, src, opts, flags, workdir):
    """(kind, text): kind '' when both front ends' --fix leave the same files;
    'gated' when they differ only because of the CLI's compile gate (the CLI
    refused its rewrite because it does not compile, clang-tidy, which has no
    such gate, wrote the same edits and the result does not compile either);
    'differ' otherwise. Each front end fixes its own copy of the input's
    directory, so sibling headers are found and their edits compared too."""
    trees, logs, cli_err = {}, {}, ""
    for name in ("cli", "tidy"):
        tree = os.path.join(workdir, name)
        shutil.copytree(os.path.dirname(src), tree)
        work = os.path.join(tree, os.path.basename(src))
        if name == "cli":
            cmd = frontends.cli_command(args.tool, opts, ["--fix", "--quiet"])
        else:
            cmd = frontends.tidy_command(args.clang_tidy, args.tidy_plugin,
                                         opts, ["--fix", "--quiet"])
        proc = subprocess.run(cmd + [work, "--"] + flags, capture_output=True,
                              encoding="utf-8", errors="replace")
        # The CLI exits 1 on findings; clang-tidy 0 (warnings are no error).
        if proc.returncode not in ((0, 1) if name == "cli" else (0,)):
            logs[name] = "%s --fix exited %d:\n%s%s" % (
                name, proc.returncode, proc.stdout, proc.stderr)
        if name == "cli":
            cli_err = proc.stderr
        trees[name] = read_tree(tree)
    if trees["cli"] == trees["tidy"] and not logs:
        return "", ""
    text = ""
    for rel in sorted(set(trees["cli"]) | set(trees["tidy"])):
        a, b = trees["cli"].get(rel, b""), trees["tidy"].get(rel, b"")
        if a != b:
            text += "the fixed %s differs:\n" % rel + "".join(difflib.unified_diff(
                a.decode("utf-8", "replace").splitlines(True),
                b.decode("utf-8", "replace").splitlines(True),
                "cli --fix", "clang-tidy --fix"))
    text += "".join(logs[n] for n in sorted(logs))
    original = read_tree(os.path.dirname(src))
    if list(logs) == ["cli"] and GATE in cli_err and trees["cli"] == original:
        cc = subprocess.run([args.clang, "-fsyntax-only"] + flags +
                            [os.path.join(workdir, "tidy", os.path.basename(src))],
                            capture_output=True, encoding="utf-8", errors="replace")
        if cc.returncode != 0:
            return "gated", text + "clang-tidy's fixed file does not compile either:\n" + cc.stderr
    return "differ", text


def compare_one(args, n, c, src, mode, why, opts, defines):
    """("skip", text) or ("run", kind, label, error, findings, note)."""
    flags = ["-nostdinc", "-I" + args.kernel_include] + ["-D" + d for d in defines]
    label = "%s [%s]" % (src, " ".join(
        ["--%s=%s" % kv for kv in sorted(opts.items())] +
        ["-D" + d for d in defines]) or "defaults")
    if not args.compdb:
        cc = subprocess.run([args.clang, "-fsyntax-only", "-w"] + flags + [src],
                            capture_output=True, encoding="utf-8", errors="replace")
        if cc.returncode != 0:
            first = (cc.stderr.strip().splitlines() or [""])[0]
            return ("skip", "%s: does not compile with these flags: %s" % (label, first))
    cli, cproc = frontends.cli_findings(args.tool, opts, [src], flags,
                                        os.getcwd(), args.compdb)
    if cli is None:
        return ("skip", "%s: the CLI reports an error:\n%s" % (label, cproc.stderr.strip()))
    error, _ = frontends.compare_findings(
        args.tool, args.clang_tidy, args.tidy_plugin, opts, [src],
        flags, os.getcwd(), args.compdb)
    kind = "differ" if error else ""
    if not error and not args.no_fix and mode != "no-fix":
        kind, error = compare_fixes(
            args, src, opts, flags, os.path.join(args.workdir, "%d.%d" % (n, c)))
    note = " (findings only: %s)" % why if mode == "no-fix" else ""
    return ("run", kind, label, error, len(cli), note)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--tidy-plugin", required=True)
    ap.add_argument("--kernel-include", default="")
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--compdb", default=None)
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang")
    ap.add_argument("--no-fix", action="store_true")
    ap.add_argument("--strict-gate", action="store_true",
                    help="count a 'gated' input (see compare_fixes) as a disagreement")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    if args.compdb:
        args.no_fix = True
    elif not args.kernel_include:
        ap.error("--kernel-include is needed without --compdb")

    shutil.rmtree(args.workdir, ignore_errors=True)
    # Each (input, configuration) is independent: run them in parallel and
    # report in input order.
    jobs = []
    skipped_markers = []
    for n, (src, walked) in enumerate(inputs(args.paths)):
        mode, why = marker(src) if walked else (None, "")
        if mode == "skip":
            skipped_markers.append((n, "%s: %s" % (src, why)))
            continue
        for c, (opts, defines) in enumerate(configurations(src)):
            jobs.append((n, c, src, mode, why, dict(opts), defines))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda j: compare_one(args, *j), jobs))

    failures, skipped, gated, runs, findings = [], [], [], 0, 0
    events = sorted([(n, 0, ("skip", text)) for n, text in skipped_markers] +
                    [(j[0], j[1] + 1, r) for j, r in zip(jobs, results)])
    for _, _, r in events:
        if r[0] == "skip":
            skipped.append(r[1])
            continue
        _, kind, label, error, count, note = r
        runs += 1
        findings += count
        if kind == "gated" and not args.strict_gate:
            gated.append("%s\n%s" % (label, error))
        if kind == "differ" or (kind == "gated" and args.strict_gate):
            failures.append("%s\n%s" % (label, error))
        print("%s %s%s" % ({"": "same  ", "differ": "DIFFER",
                             "gated": "GATED "}[kind], label, note))

    for s in skipped:
        print("skipped " + s)
    for g in gated:
        print("gated " + g.replace("\n", "\n  "))
    print("%d runs, %d findings compared, %d skipped, %d gated, %d disagree"
          % (runs, findings, len(skipped), len(gated), len(failures)))
    if failures:
        sys.stderr.write("\n\n".join(failures) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
