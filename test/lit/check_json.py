#!/usr/bin/env python3
"""check_json.py [--findings N] [--only-check ID] [--fixable N]
                [--has KEY=VALUE,...]... < report.json

Validates a `--format=json` report (schema version 1) read from stdin:
  * the document is valid JSON with "version": 1, a "findings" list and a
    "summary" holding "by_check" and "by_classification";
  * every finding carries check, file, line, column, severity, message,
    reasons and fixable with the right types; callback findings
    (mmap-prepare-legacy-hook) also carry a classification;
  * the summary agrees with the findings (totals, by_check,
    by_classification, fixable).
Options add expectations on the content; --has asks for at least one finding
whose keys have all the given values (a VALUE is read as JSON when it parses,
else as a string: --has check=mmap-prepare-legacy-hook,line=18,fixable=true).
Exits 1 with a message on failure.
"""
import argparse
import collections
import json
import sys

CLASSES = ("convertible", "manual", "blocked")


def fail(msg):
    sys.stderr.write("check_json: " + msg + "\n")
    sys.exit(1)


def need(obj, key, typ, where):
    if key not in obj:
        fail("%s has no %r" % (where, key))
    value = obj[key]
    # bool is an int in Python: keep them apart.
    if not isinstance(value, typ) or (typ is not bool and isinstance(value, bool)):
        fail("%s: %r has the wrong type: %r" % (where, key, value))
    return value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--findings", type=int, default=None)
    ap.add_argument("--only-check", default=None)
    ap.add_argument("--fixable", type=int, default=None)
    ap.add_argument("--has", action="append", default=[])
    args = ap.parse_args()

    text = sys.stdin.read()
    try:
        doc = json.loads(text)
    except ValueError as e:
        fail("not valid JSON: %s\n%s" % (e, text))
    if not isinstance(doc, dict):
        fail("the document is not an object")
    if doc.get("version") != 1:
        fail("\"version\" is %r, not 1" % doc.get("version"))
    findings = need(doc, "findings", list, "document")
    summary = need(doc, "summary", dict, "document")

    by_check = collections.Counter()
    by_class = collections.Counter()
    seen_callbacks = set()
    fixable = 0
    for i, f in enumerate(findings):
        where = "findings[%d]" % i
        if not isinstance(f, dict):
            fail(where + " is not an object")
        check = need(f, "check", str, where)
        need(f, "file", str, where)
        for key in ("line", "column"):
            if need(f, key, int, where) < 1:
                fail("%s: %r is %r" % (where, key, f[key]))
        if need(f, "severity", str, where) not in ("warning", "error"):
            fail("%s: severity %r" % (where, f["severity"]))
        if not need(f, "message", str, where):
            fail(where + ": empty message")
        reasons = need(f, "reasons", list, where)
        if not all(isinstance(r, str) and r for r in reasons):
            fail("%s: reasons must be non-empty strings: %r" % (where, reasons))
        if need(f, "fixable", bool, where):
            fixable += 1
        if check == "mmap-prepare-legacy-hook":
            cls = need(f, "classification", str, where)
            if cls not in CLASSES:
                fail("%s: classification %r" % (where, cls))
            # the summary counts a callback installed in several tables once
            key = (f.get("callback"), f["file"])
            if f.get("callback") is None or key not in seen_callbacks:
                seen_callbacks.add(key)
                by_class[cls] += 1
        elif "classification" in f and f["classification"] not in CLASSES:
            fail("%s: classification %r" % (where, f["classification"]))
        by_check[check] += 1
        if args.only_check and check != args.only_check:
            fail("%s: check %r, only %r expected" % (where, check,
                                                     args.only_check))

    s_by_check = need(summary, "by_check", dict, "summary")
    s_by_class = need(summary, "by_classification", dict, "summary")
    if dict(by_check) != s_by_check:
        fail("summary.by_check %r != counted %r" % (s_by_check, dict(by_check)))
    if dict(by_class) != s_by_class:
        fail("summary.by_classification %r != counted %r"
             % (s_by_class, dict(by_class)))
    if "findings" in summary and summary["findings"] != len(findings):
        fail("summary.findings %r != %d" % (summary["findings"], len(findings)))
    if "fixable" in summary and summary["fixable"] != fixable:
        fail("summary.fixable %r != counted %d" % (summary["fixable"], fixable))

    if args.findings is not None and len(findings) != args.findings:
        fail("%d findings, %d expected" % (len(findings), args.findings))
    if args.fixable is not None and fixable != args.fixable:
        fail("%d fixable findings, %d expected" % (fixable, args.fixable))
    for spec in args.has:
        want = {}
        for pair in spec.split(","):
            key, _, value = pair.partition("=")
            try:
                want[key] = json.loads(value)
            except ValueError:
                want[key] = value
        if not any(all(k in f and f[k] == v for k, v in want.items())
                   for f in findings):
            fail("no finding has %r in:\n%s" % (want, text))


if __name__ == "__main__":
    main()
