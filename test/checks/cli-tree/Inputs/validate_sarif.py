#!/usr/bin/env python3
"""validate_sarif.py FILE: validates a SARIF log.

With Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, installed
by scripts/install-deps.sh into ~/.cache/mmap-prepare-lint/sarif-multitool,
or named by $MPL_SARIF_MULTITOOL): `sarif-multitool validate` must report
no error. Without it: JSON-schema validation against the SARIF 2.1.0 schema
(sarif-schema-2.1.0.json, as shipped in the multitool's package) with
python3-jsonschema. Prints which validator ran."""
import json
import os
import subprocess
import sys

path = sys.argv[1]
tool = os.environ.get("MPL_SARIF_MULTITOOL") or os.path.expanduser(
    "~/.cache/mmap-prepare-lint/sarif-multitool/node_modules/.bin/sarif-multitool")
if os.path.exists(tool):
    out = subprocess.run([tool, "validate", path], capture_output=True, text=True)
    errors = [l for l in out.stdout.splitlines() if ": error " in l]
    if "files scanned" in out.stdout:  # the tool ran (else: fall back)
        if out.returncode != 0 or errors:
            sys.stderr.write(out.stdout + out.stderr)
            sys.exit(1)
        print("sarif-multitool validate: no errors")
        sys.exit(0)
    sys.stderr.write("sarif-multitool did not run (%s); using the JSON schema\n"
                     % (out.stderr.strip().splitlines() or ["?"])[-1])

import jsonschema  # python3-jsonschema
schema = json.load(open(os.path.join(os.path.dirname(__file__), "sarif-schema-2.1.0.json")))
doc = json.load(open(path))
cls = jsonschema.validators.validator_for(schema)
errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors:
    sys.stderr.write("%s: %s\n" % ("/".join(map(str, e.path)), e.message))
if errors:
    sys.exit(1)
print("json schema validation: no errors")
