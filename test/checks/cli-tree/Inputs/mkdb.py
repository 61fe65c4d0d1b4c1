#!/usr/bin/env python3
"""mkdb.py OUT_DIR TREE KERNEL_INCLUDE [--cc NAME] [--flag F]... FILE...

Writes OUT_DIR/compile_commands.json with one entry per FILE (relative to
TREE), `NAME -nostdinc -I<KERNEL_INCLUDE> -I<TREE>/include <flags> -c FILE`
run in TREE. FILE may name a missing file or, as dir:FILE, another
directory."""
import argparse
import json
import os

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("tree")
ap.add_argument("kinc")
ap.add_argument("--cc", default="clang")
ap.add_argument("--flag", action="append", default=[])
ap.add_argument("files", nargs="+")
a = ap.parse_args()
tree = os.path.abspath(a.tree)
entries = []
for f in a.files:
    directory = tree
    if ":" in f:
        directory, f = f.split(":", 1)
    args = [a.cc, "-nostdinc", "-I" + a.kinc, "-I" + os.path.join(tree, "include")] + \
        a.flag + ["-c", "-o", f[:-2] + ".o", f]
    entries.append({"directory": directory, "file": os.path.join(tree, f),
                    "arguments": args})
os.makedirs(a.out, exist_ok=True)
with open(os.path.join(a.out, "compile_commands.json"), "w") as fh:
    json.dump(entries, fh, indent=1)
