"""Shared helpers for the benchmarks: compile database entries as argument
lists, the plain-parse command, timing with peak RSS."""
import json
import os
import shlex
import subprocess
import time


def load_db(path):
    db = json.load(open(path))
    out = []
    for e in db:
        args = e.get("arguments") or shlex.split(e["command"])
        f = os.path.normpath(os.path.join(e["directory"], e["file"]))
        out.append({"directory": e["directory"], "file": f, "arguments": args})
    return out


def syntax_only(args, clang="clang-19"):
    """The entry's command as `clang-19 -fsyntax-only`: no object, no .d."""
    out = [clang]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-c",):
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a.startswith("-Wp,-MMD") or a.startswith("-Wp,-MD") or a in ("-MD", "-MMD"):
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-w"]


def timed(cmd, cwd=None, env=None):
    """(wall seconds, peak RSS in KB, exit status) of one command."""
    t = "/usr/bin/time"
    res = subprocess.run([t, "-f", "%e %M"] + cmd, cwd=cwd, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    last = res.stderr.strip().splitlines()[-1].split()
    return float(last[0]), int(last[1]), res.returncode
