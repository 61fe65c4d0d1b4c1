"""frontends.py: run the two front ends (the CLI and the clang-tidy plugin) the
same way and read their findings into comparable sets.

Used by check_fix.py (every fix test) and compare_frontends.py (every test
input). Findings are compared as
    (check, file, line, column, severity, message, notes)
with files made absolute and notes as a tuple of (file, line, column, message).
"""
import json
import os
import re
import subprocess

# Every check of the plugin, enabled the way a user enables them.
TIDY_CHECKS = "-*,mmap-prepare-*"

_DIAG = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): "
                   r"(?P<sev>warning|error): (?P<msg>.*) \[(?P<check>[^\[\]]+)\]$")
_NOTE = re.compile(r"^(?:(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): )?"
                   r"note: (?P<msg>.*)$")


def _abs(path, cwd):
    if not path:
        return ""
    return os.path.realpath(os.path.join(cwd, path))


def _opts(opts):
    """opts: None, an --api string, or a dict with any of api, suffix, ops
    (the CLI's --api/--suffix/--ops) and checks (the CLI's --checks)."""
    if opts is None:
        return {}
    if isinstance(opts, str):
        return {"api": opts}
    return {k: v for k, v in opts.items() if v}


def cli_command(tool, opts, extra=()):
    o = _opts(opts)
    cmd = [tool]
    for key in ("api", "suffix", "ops", "checks"):
        if key in o:
            cmd.append("--%s=%s" % (key, o[key]))
    return cmd + list(extra)


# The CLI's options as the plugin's CheckOptions. They are given as global
# keys, read by every check through Options.getLocalOrGlobal, so all checks
# see the same values (as the CLI's do) and share one engine run.
TIDY_OPTION = {"api": "Api", "suffix": "Suffix", "ops": "Ops"}


def tidy_command(clang_tidy, plugin, opts, extra=()):
    """clang-tidy with the plugin and every mmap-prepare check (narrowed by
    the CLI's --checks globs, which have clang-tidy's syntax).
    --header-filter=.* because the CLI reports findings in headers too."""
    o = _opts(opts)
    checks = TIDY_CHECKS + ("," + o["checks"] if "checks" in o else "")
    cmd = [clang_tidy, "-load=" + plugin, "-checks=" + checks,
           "--header-filter=.*"]
    options = ["%s: %s" % (TIDY_OPTION[k], json.dumps(o[k]))
               for k in ("api", "suffix", "ops") if k in o]
    if options:
        cmd.append("-config={CheckOptions: {%s}}" % ", ".join(options))
    return cmd + list(extra)


def _inputs(files, flags, compdb):
    """`-p <compdb> files` or `files -- flags`."""
    if compdb:
        return ["-p", compdb] + files
    return files + ["--"] + flags


def cli_findings(tool, opts, files, flags, cwd, compdb=None):
    """Runs the CLI with --format=json; returns (findings set, process), or
    (None, process) when it failed or reported an error (such as a file that
    does not compile)."""
    proc = subprocess.run(cli_command(tool, opts, ["--format=json"]) +
                          _inputs(files, flags, compdb), capture_output=True,
                          encoding="utf-8", errors="replace", cwd=cwd)
    if proc.returncode not in (0, 1):
        return None, proc
    report = json.loads(proc.stdout)
    if report.get("errors"):
        return None, proc
    found = set()
    for f in report["findings"]:
        notes = tuple((_abs(n["file"], cwd), n["line"], n["column"],
                       n["message"]) for n in f.get("notes", []))
        found.add((f["check"], _abs(f["file"], cwd), f["line"], f["column"],
                   f["severity"], f["message"], notes))
    return found, proc


def parse_tidy(text, cwd):
    """clang-tidy's `file:line:col: warning: msg [check-id]` lines, each with
    the `note:` lines that follow it (source excerpts are skipped)."""
    found = []
    current = None
    for line in text.splitlines():
        m = _DIAG.match(line)
        if m:
            current = [m.group("check"), _abs(m.group("file"), cwd),
                       int(m.group("line")), int(m.group("col")),
                       m.group("sev"), m.group("msg"), []]
            found.append(current)
            continue
        m = _NOTE.match(line)
        if m and current is not None:
            current[6].append((_abs(m.group("file"), cwd),
                               int(m.group("line") or 0),
                               int(m.group("col") or 0), m.group("msg")))
    return set(tuple(f[:6]) + (tuple(f[6]),) for f in found)


def tidy_findings(clang_tidy, plugin, opts, files, flags, cwd, compdb=None):
    """Runs clang-tidy with the plugin (no --fix); returns (set, process)."""
    proc = subprocess.run(tidy_command(clang_tidy, plugin, opts, ["--quiet"]) +
                          _inputs(files, flags, compdb),
                          capture_output=True, encoding="utf-8", errors="replace", cwd=cwd)
    if proc.returncode != 0:
        return None, proc
    # clang-tidy prints a path as the compile command spells it: a relative
    # one is relative to that command's directory.
    base = cwd
    if compdb:
        db = os.path.join(compdb, "compile_commands.json") \
            if os.path.isdir(compdb) else compdb
        with open(db) as f:
            for entry in json.load(f):
                path = os.path.join(entry["directory"], entry["file"])
                if os.path.realpath(path) == os.path.realpath(files[0]):
                    base = entry["directory"]
                    break
    return parse_tidy(proc.stdout, base), proc


def _show(f):
    check, path, line, col, sev, msg, notes = f
    out = "%s:%d:%d: %s: %s [%s]\n" % (path, line, col, sev, msg, check)
    for n in notes:
        out += "    %s:%d:%d: note: %s\n" % n
    return out


def compare(cli, tidy):
    """'' when the sets are equal, else a readable diff."""
    if cli == tidy:
        return ""
    out = []
    only_cli = sorted(cli - tidy, key=lambda f: (f[1], f[2], f[3], f[0]))
    only_tidy = sorted(tidy - cli, key=lambda f: (f[1], f[2], f[3], f[0]))
    if only_cli:
        out.append("only the CLI reports:\n" + "".join("- " + _show(f) for f in only_cli))
    if only_tidy:
        out.append("only the clang-tidy plugin reports:\n" +
                   "".join("+ " + _show(f) for f in only_tidy))
    return "\n".join(out)


def compare_findings(tool, clang_tidy, plugin, opts, files, flags, cwd,
                     compdb=None):
    """Both front ends on the same unmodified input. Returns an error text
    ('' when they agree) and the number of findings."""
    cli, cproc = cli_findings(tool, opts, files, flags, cwd, compdb)
    if cli is None:
        return "the CLI failed (exit %d):\n%s" % (cproc.returncode, cproc.stderr), 0
    tidy, tproc = tidy_findings(clang_tidy, plugin, opts, files, flags, cwd,
                                compdb)
    if tidy is None:
        return "clang-tidy failed (exit %d):\n%s%s" % (
            tproc.returncode, tproc.stdout, tproc.stderr), 0
    diff = compare(cli, tidy)
    if diff:
        return "the CLI and the clang-tidy plugin disagree on %s:\n%s" % (
            " ".join(files), diff), len(cli)
    return "", len(cli)
