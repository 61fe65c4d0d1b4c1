#!/usr/bin/env python3
"""compare-findings.py A.json B.json: are two --format=json runs' findings
identical (every field, notes included, as multisets)? Exit 1 if not."""
import collections
import json
import sys


def key(f):
    return json.dumps(f, sort_keys=True)


a = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
ca = collections.Counter(key(f) for f in a["findings"])
cb = collections.Counter(key(f) for f in b["findings"])
only_a = ca - cb
only_b = cb - ca
print("%s: %d findings; %s: %d findings" % (sys.argv[1], sum(ca.values()), sys.argv[2], sum(cb.values())))
for k in only_a:
    print("only in A:", k[:300])
for k in only_b:
    print("only in B:", k[:300])
same = not only_a and not only_b
print("identical" if same else "DIFFERENT")
sys.exit(0 if same else 1)
