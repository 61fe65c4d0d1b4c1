#!/usr/bin/env python3
"""Prints "ruleId fingerprint" per result of a SARIF log, sorted."""
import json
import sys

doc = json.load(open(sys.argv[1]))
rows = sorted("%s %s" % (r["ruleId"], r["partialFingerprints"]["mmapPrepareLint/v1"])
              for run in doc["runs"] for r in run["results"])
print("\n".join(rows))
