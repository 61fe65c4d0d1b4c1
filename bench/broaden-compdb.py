#!/usr/bin/env python3
"""broaden-compdb.py TREE OUT_DIR [N] [SEED]

Writes OUT_DIR/compile_commands.json: the tree's compile_commands.json plus
N (default 300) other .c files of the same directories that it lacks, each
with a neighbour's command (file, object and .d names replaced): a sample of
"ordinary" kernel files, most of which never mention mmap, to measure the
pre-filter on more than the mmap-selected units of scripts/kernel-compile-db.sh.
"""
import json
import os
import random
import sys


def main():
    tree = os.path.abspath(sys.argv[1])
    out = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    db = json.load(open(os.path.join(tree, "compile_commands.json")))
    have = {os.path.normpath(os.path.join(e["directory"], e["file"])) for e in db}
    by_dir = {}
    for e in db:
        f = os.path.normpath(os.path.join(e["directory"], e["file"]))
        by_dir.setdefault(os.path.dirname(f), e)
    candidates = []
    for d, e in sorted(by_dir.items()):
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if name.endswith(".c") and p not in have and os.path.isfile(p):
                candidates.append((p, e))
    rnd.shuffle(candidates)
    extra = []
    for p, e in candidates[:n]:
        old = os.path.normpath(os.path.join(e["directory"], e["file"]))
        rel_old = os.path.relpath(old, e["directory"])
        rel_new = os.path.relpath(p, e["directory"])
        cmd = e["command"]
        base_old = os.path.splitext(os.path.basename(rel_old))[0]
        base_new = os.path.splitext(os.path.basename(rel_new))[0]
        cmd = cmd.replace(rel_old, rel_new)
        cmd = cmd.replace(os.path.splitext(rel_old)[0] + ".o", os.path.splitext(rel_new)[0] + ".o")
        cmd = cmd.replace("." + base_old + ".o.d", "." + base_new + ".o.d")
        extra.append({"directory": e["directory"], "file": p, "command": cmd})
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db + extra, f, indent=1)
    print("%d entries (%d from the tree, %d added of %d candidates)"
          % (len(db) + len(extra), len(db), len(extra), len(candidates)))


if __name__ == "__main__":
    main()
