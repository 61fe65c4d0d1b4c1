#!/usr/bin/env python3
"""bench/upstream-agreement.py OLD_TREE NEW_TREE [--tool PATH] [-j N] [--keep DIR]:
how often the tool's conversion of an old kernel's .mmap callback agrees with the
conversion upstream made by hand in a newer kernel.

  OLD_TREE  a kernel tree from before the conversions (Linux 6.12) with a
            compile_commands.json (scripts/kernel-compile-db.sh OLD_TREE);
  NEW_TREE  a kernel tree after them (Linux 7.3), text only.

  1. Text scan of OLD_TREE's .c files (not tools/, Documentation/) for every
     `struct file_operations` initialiser that sets `.mmap = X`, and of
     NEW_TREE for the same variable (same file; else a file with the same
     basename; else the only file defining it) setting `.mmap_prepare = Y`.
     Each such (file, variable, slot) is a pair.
  2. Per table file (only that file: a callback defined in another file is
     found and converted with it by the tool): mmap-prepare-lint -p OLD_TREE --api=7.3 --format=json
     --diff --explain, run from OLD_TREE, one file group per process, -j groups
     at a time. --diff writes nothing; the tool's diff (the same rewrites --fix
     writes, after the re-parse check) is applied here to copies of the files.
     Files the database lacks get the command the CLI infers from neighbours.
  3. Per pair: the legacy-hook finding on the `.mmap =` line (class, reasons),
     whether the rewritten table installs `.mmap_prepare = Z`, and Z's body.
     Upstream's Y body is read from NEW_TREE. Compared: the "new-API words" of
     Y (mmap_action_*, vma_desc_*, VMA_*_BIT, calls of *_prepare helpers,
     desc->field, error_override, shmem_zero_setup_desc,
     is_nommu_shared_vma_flags, vma_flags_to_legacy). A pair agrees when the
     tool converted it and Z uses every word Y uses (Z's extra words are
     listed). When Y is a library hook defined outside the table's directory
     (generic_file_mmap_prepare), the word is the call/installation of Y.
  4. A pair is not evaluable when the old/new handler text shows a
     non-mechanical upstream choice: a VMA_X_BIT whose VM_X the old handler
     never named, VM_SHARED turned into VMA_MAYSHARE_BIT, a `.mapped`
     callback added, a DAX branch removed, desc->vm_ops/private_data/page_prot
     set where the old handler never set the vma field, a handler only built
     without CONFIG_MMU, or a body rewritten beyond the mechanical renames
     (token similarity below 0.5); also when the tool could not analyse the
     file in this database (compiler errors: another architecture, a disabled
     option). The reason is printed.
  An agreeing pair whose converted handler hands `desc` to a helper with a
  different argument count than upstream's call of it (a helper whose
  signature upstream changed) keeps its status and gets a "but ..." note.

Output: one line per pair, `<status> <relpath>:<variable> <old> -> <new>:
<detail>` (agree / disagree / not-evaluable), counts, and last `agree N/M`
(M = evaluable pairs). Exit 0. --keep DIR keeps per-group tool JSON, diff and
rewritten files, and pairs.json with every pair's data.
"""
import argparse
import concurrent.futures as cf
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXCLUDE_DIRS = ("tools", "Documentation")

# ---------------------------------------------------------------- C text ----

_LEX = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def strip_c(text):
    """Comments and literal contents blanked, same length and line breaks."""
    def blank(m):
        s = m.group(0)
        if s[0] in "\"'":
            return s[0] + " " * (len(s) - 2) + s[-1]
        return re.sub(r"[^\n]", " ", s)
    return _LEX.sub(blank, text)


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def match_brace(s, i):
    """Index just past the brace matching s[i] == '{' (s already stripped)."""
    depth = 0
    for j in range(i, len(s)):
        c = s[j]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(s)


def line_of(s, pos):
    return s.count("\n", 0, pos) + 1


_TABLE = re.compile(r"\bstruct\s+file_operations\b([^;={}()]*?)=\s*\{")
_SLOT = re.compile(r"\.\s*(mmap|mmap_prepare)\s*=\s*&?\s*([A-Za-z_]\w*)")


def tables(text, stripped=None):
    """[(variable, [(slot, value, line, offset)])] for each file_operations
    initialiser of a .c text (not those spelled inside a #define)."""
    s = stripped if stripped is not None else strip_c(text)
    out = []
    for m in _TABLE.finditer(s):
        decl = re.sub(r"\[[^\]]*\]", " ", m.group(1))
        words = [w for w in re.findall(r"[A-Za-z_]\w*", decl)
                 if w != "const" and not w.startswith("__")]
        if not words:
            continue
        ls = s.rfind("\n", 0, m.start()) + 1
        prev = s.rfind("\n", 0, max(ls - 1, 0))
        if s[ls:m.start()].lstrip().startswith("#") or s[prev + 1:ls].rstrip().endswith("\\"):
            continue  # a table built in a macro
        start = m.end() - 1
        end = match_brace(s, start)
        slots = []
        for sm in _SLOT.finditer(s, start, end):
            if sm.group(2) == "NULL":
                continue
            slots.append((sm.group(1), sm.group(2), line_of(s, sm.start()), sm.start()))
        out.append((words[-1], slots))
    return out


def definitions(text, name, stripped=None):
    """[(start, body_start, end)] of the top-level function definitions of
    `name` in a C text (offsets into text; body_start at the '{')."""
    s = stripped if stripped is not None else strip_c(text)
    out = []
    for m in re.finditer(r"\b%s\s*\(" % re.escape(name), s):
        # depth 0 at the name?
        depth = 0
        for c in re.finditer(r"[{}]", s[:m.start()]):
            depth += 1 if c.group(0) == "{" else -1
        if depth != 0:
            continue
        j, d = m.end() - 1, 0
        while j < len(s):
            if s[j] == "(":
                d += 1
            elif s[j] == ")":
                d -= 1
                if d == 0:
                    break
            j += 1
        k = j + 1
        while k < len(s) and s[k] in " \t\n":
            k += 1
        if k >= len(s) or s[k] != "{":
            continue
        # the declaration starts after the previous ; or } and any directive lines
        b = max(s.rfind(";", 0, m.start()), s.rfind("}", 0, m.start())) + 1
        while True:
            while b < m.start() and s[b] in " \t\n":
                b += 1
            if b < m.start() and s[b] == "#":
                e = b
                while True:
                    e = s.find("\n", e)
                    if e < 0 or s[e - 1] != "\\":
                        break
                    e += 1
                b = m.start() if e < 0 else e + 1
                continue
            break
        out.append((b, k, match_brace(s, k)))
    return out


def pick_definition(text, name):
    """(start, body_start, end) of the definition to compare: the longest
    (a stub under #else is shorter than the real one)."""
    defs = definitions(text, name)
    if not defs:
        return None
    return max(defs, key=lambda d: d[2] - d[1])


def cond_stack_at(text, line):
    """Preprocessor conditions enclosing 1-based `line`: [(directive, expr, in_else)]."""
    stack = []
    lines = strip_c(text).split("\n")
    i = 0
    while i < min(line - 1, len(lines)):
        ln = lines[i]
        while ln.endswith("\\") and i + 1 < len(lines):
            i += 1
            ln = ln[:-1] + " " + lines[i]
        m = re.match(r"\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)", ln)
        if m:
            d, e = m.group(1), m.group(2).strip()
            if d in ("if", "ifdef", "ifndef"):
                stack.append([d, e, False])
            elif d == "elif" and stack:
                stack[-1] = ["if", e, False]
            elif d == "else" and stack:
                stack[-1][2] = True
            elif d == "endif" and stack:
                stack.pop()
        i += 1
    return stack


def nommu_only(text, line):
    for d, e, in_else in cond_stack_at(text, line):
        mmu = re.search(r"\bCONFIG_MMU\b", e)
        if not mmu:
            continue
        neg = d == "ifndef" or (d == "if" and re.search(
            r"!\s*(defined\s*\(?\s*CONFIG_MMU|IS_ENABLED\s*\(\s*CONFIG_MMU)", e))
        if d == "if" and not neg and not re.fullmatch(
                r"(defined\s*\(?\s*CONFIG_MMU\s*\)?|IS_ENABLED\s*\(\s*CONFIG_MMU\s*\))", e):
            continue  # a compound condition: not judged
        if bool(neg) != in_else:
            return True
    return False


# ------------------------------------------------------------ new-API words ---

_WORDS = [re.compile(p) for p in (
    r"\bmmap_action_\w+", r"\bvma_desc_\w+", r"\bVMA_\w+_BIT\b", r"\bdesc\s*->\s*\w+",
    r"\berror_override\b", r"\bshmem_zero_setup_desc\b", r"\bis_nommu_shared_vma_flags\b",
    r"\bvma_flags_to_legacy\b")]


def api_words(body, self_name):
    s = strip_c(body)
    w = set()
    for r in _WORDS:
        w.update(re.sub(r"\s+", "", x) for x in r.findall(s))
    for m in re.finditer(r"\b(\w+_prepare)\s*\(", s):
        if m.group(1) != self_name:
            w.add(m.group(1) + "()")
    return w


def calls(body):
    """{function: [argument lists]} of the calls in a body (stripped text)."""
    s = strip_c(body)
    s = s[s.find("{"):] if "{" in s else s
    out = {}
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", s):
        if m.group(1) in ("if", "while", "for", "switch", "return", "sizeof"):
            continue
        j, d, args, cur = m.end(), 1, [], ""
        while j < len(s) and d:
            c = s[j]
            if c in "([{":
                d += 1
            elif c in ")]}":
                d -= 1
            if d == 1 and c == ",":
                args.append(cur.strip())
                cur = ""
            elif d:
                cur += c
            j += 1
        if cur.strip() or args:
            args.append(cur.strip())
        out.setdefault(m.group(1), []).append([re.sub(r"\s+", "", a) for a in args])
    return out


def call_shape_notes(tool_body, up_body):
    """Calls the tool hands `desc` to whose shape differs from upstream's
    calls of the same function (a helper whose signature upstream changed)."""
    tc, uc = calls(tool_body), calls(up_body)
    notes = []
    for f, lists in sorted(tc.items()):
        if f not in uc or any(w.search(f) for w in _WORDS) or f.endswith("_prepare"):
            continue
        mine = {len(a) for a in lists if "desc" in a}
        if not mine:
            continue
        theirs = {len(a) for a in uc[f]}
        if mine != theirs or not any("desc" in a for a in uc[f]):
            notes.append("%s() gets desc with %s argument(s), upstream calls it with %s (%s)" % (
                f, "/".join(map(str, sorted(mine))), "/".join(map(str, sorted(theirs))),
                "; ".join(", ".join(a) for a in uc[f][:2])))
    return notes


_MECH = {"vma": "desc", "vm_start": "start", "vm_end": "end", "vm_pgoff": "pgoff",
         "vm_page_prot": "page_prot", "vm_private_data": "private_data", "vm_mm": "mm",
         "vm_file": "file", "vm_area_struct": "vm_area_desc", "vm_flags_set": "vma_desc_set_flags",
         "vm_flags_clear": "vma_desc_clear_flags", "vma_pages": "vma_desc_pages",
         "remap_pfn_range": "mmap_action_remap", "io_remap_pfn_range": "mmap_action_ioremap",
         "vm_iomap_memory": "mmap_action_simple_ioremap"}


def tokens(body, old):
    s = strip_c(body)
    s = s[s.find("{"):] if "{" in s else s
    if not old:
        s = re.sub(r"struct\s+file\s*\*\s*file\s*=\s*desc\s*->\s*file\s*;", "", s)
    out = []
    for t in re.findall(r"\w+|[^\s\w]", s):
        if old:
            if t in _MECH:
                t = _MECH[t]
            elif re.fullmatch(r"VM_[A-Z0-9_]+", t):
                t = "VMA_%s_BIT" % t[3:]
            elif t in ("generic_file_mmap", "generic_file_readonly_mmap"):
                t += "_prepare"
        out.append(t)
    return out


def similarity(old_body, new_body):
    return difflib.SequenceMatcher(None, tokens(old_body, True), tokens(new_body, False),
                                   autojunk=False).ratio()


# ------------------------------------------------------------------ trees ----

def grep_files(tree, pattern, words=False, headers=False):
    cmd = ["grep", "-rl", "-E", "--include=*.c"]
    if headers:
        cmd.append("--include=*.h")
    if words:
        cmd.append("-w")
    for d in EXCLUDE_DIRS:
        cmd.append("--exclude-dir=" + d)
    cmd += [pattern, "."]
    r = subprocess.run(cmd, cwd=tree, capture_output=True, text=True)
    return sorted(os.path.normpath(p) for p in r.stdout.split())


class Tree:
    def __init__(self, root):
        self.root = os.path.abspath(root)
        self._text = {}
        self._defs = {}

    def text(self, rel):
        if rel not in self._text:
            p = os.path.join(self.root, rel)
            self._text[rel] = read(p) if os.path.isfile(p) else None
        return self._text[rel]

    def tables_in(self, rel):
        t = self.text(rel)
        return tables(t) if t is not None else []

    def find_def(self, name, near):
        """(rel, text of the definition) of function `name`: in `near` first,
        else the .c/.h files of the tree that mention it (the same directory
        first)."""
        t = self.text(near)
        if t is not None:
            d = pick_definition(t, name)
            if d:
                return near, t[d[0]:d[2]], d
        if name not in self._defs:
            self._defs[name] = grep_files(self.root, name, words=True, headers=True)
        cands = sorted(self._defs[name], key=lambda r: (os.path.dirname(r) != os.path.dirname(near), r))
        for rel in cands:
            t = self.text(rel)
            d = pick_definition(t, name) if t else None
            if d:
                return rel, t[d[0]:d[2]], d
        return None, None, None


# ------------------------------------------------------------- the tool ----

def apply_diff(diff, root):
    """{relpath: new text} from the tool's unified diff (paths a/<rel>)."""
    out = {}
    lines = diff.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        if not lines[i].startswith("--- a/"):
            i += 1
            continue
        rel = lines[i][6:].rstrip("\n")
        i += 2  # +++
        path = rel if os.path.isabs(rel) else os.path.join(root, rel)
        if not os.path.isabs(rel) and not os.path.exists(path) and os.path.exists("/" + rel):
            path = "/" + rel
        old = read(path).splitlines(keepends=True)
        new, pos = [], 0
        while i < len(lines) and lines[i].startswith("@@"):
            m = re.match(r"@@ -(\d+),(\d+) \+(\d+),(\d+) @@", lines[i])
            ostart, ocount = int(m.group(1)), int(m.group(2))
            left_old, left_new = ocount, int(m.group(4))
            ostart = ostart - 1 if ocount else ostart
            new.extend(old[pos:ostart])
            pos = ostart
            i += 1
            # The hunk's counts say where it ends: a removed line may itself
            # start with "--- ", like the next file's header.
            while i < len(lines) and (left_old > 0 or left_new > 0 or lines[i].startswith("\\")):
                if lines[i][:1] in (" ", "-"):
                    left_old -= 1
                if lines[i][:1] in (" ", "+"):
                    left_new -= 1
                k, body = lines[i][0], lines[i][1:]
                if i + 1 < len(lines) and lines[i + 1].startswith("\\"):
                    body = body.rstrip("\n")
                if k == " ":
                    new.append(body)
                    pos += 1
                elif k == "-":
                    pos += 1
                elif k == "+":
                    new.append(body)
                i += 1
        new.extend(old[pos:])
        out[os.path.relpath(path, root)] = "".join(new)
    return out


def run_tool(tool, old, files, scratch, timeout):
    cmd = [tool, "-p", old.root, "--api=7.3", "--format=json", "--diff", "--explain",
           "-j1", "--timeout=%d" % timeout] + files
    r = subprocess.run(cmd, cwd=old.root, capture_output=True, text=True,
                       errors="surrogateescape")
    doc, errors_text = None, r.stderr
    k = r.stderr.find("{\n")
    if k >= 0:
        try:
            doc, end = json.JSONDecoder().raw_decode(r.stderr[k:])
            errors_text = r.stderr[:k] + r.stderr[k + end:]
        except ValueError:
            doc = None
    try:
        fixed = apply_diff(r.stdout, old.root)
    except Exception as e:  # a diff this script cannot read: report, go on
        fixed = {}
        errors_text += "\nbench: cannot apply the tool's diff: %s" % e
    if scratch:
        base = os.path.join(scratch, "tool", files[0])
        os.makedirs(os.path.dirname(base), exist_ok=True)
        with open(base + ".json", "w") as f:
            f.write(json.dumps(doc, indent=1) if doc else r.stderr)
        with open(base + ".diff", "w") as f:
            f.write(r.stdout)
        for rel, t in fixed.items():
            p = os.path.join(scratch, "fixed", rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", errors="surrogateescape") as f:
                f.write(t)
    return {"cmd": cmd, "rc": r.returncode, "doc": doc, "stderr": errors_text.strip(),
            "fixed": fixed}


# ---------------------------------------------------------------- pairing ----

def find_new_table(new, rel, var, index_by_var):
    """(rel in NEW_TREE, slots) of the table `var` there, or (None, None)."""
    for v, slots in new.tables_in(rel):
        if v == var:
            return rel, slots
    cands = index_by_var.get(var, [])
    same_base = [r for r in cands if os.path.basename(r) == os.path.basename(rel)]
    pick = same_base if same_base else (cands if len(cands) == 1 else [])
    for r in pick:
        for v, slots in new.tables_in(r):
            if v == var:
                return r, slots
    return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old_tree")
    ap.add_argument("new_tree")
    ap.add_argument("--tool", default=os.path.join(HERE, "..", "build", "bin", "mmap-prepare-lint"))
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("--timeout", type=int, default=600, help="per translation unit, seconds")
    a = ap.parse_args()
    tool = os.path.abspath(a.tool)
    old, new = Tree(a.old_tree), Tree(a.new_tree)
    if not os.path.exists(os.path.join(old.root, "compile_commands.json")):
        sys.exit("upstream-agreement: %s has no compile_commands.json "
                 "(scripts/kernel-compile-db.sh %s)" % (old.root, old.root))
    scratch = os.path.abspath(a.keep) if a.keep else tempfile.mkdtemp(prefix="mpl-agree-")
    os.makedirs(scratch, exist_ok=True)

    # 1. tables
    old_tables = []  # (rel, var, value, line)
    for rel in grep_files(old.root, r"\.mmap[[:space:]]*="):
        for var, slots in old.tables_in(rel):
            for slot, val, line, _ in slots:
                if slot == "mmap":
                    old_tables.append((rel, var, val, line))
    index_by_var = {}
    for rel in grep_files(new.root, r"\.mmap(_prepare)?[[:space:]]*="):
        for var, slots in new.tables_in(rel):
            index_by_var.setdefault(var, []).append(rel)
    pairs, stayed, gone, unpaired = [], 0, 0, []
    for rel, var, val, line in old_tables:
        nrel, slots = find_new_table(new, rel, var, index_by_var)
        if nrel is None:
            gone += 1
            unpaired.append({"rel": rel, "var": var, "old": val, "line": line, "new": None})
            continue
        preps = [s for s in slots if s[0] == "mmap_prepare"]
        if not preps:
            stayed += 1
            unpaired.append({"rel": rel, "var": var, "old": val, "line": line, "new": nrel,
                             "still": [s[1] for s in slots if s[0] == "mmap"]})
            continue
        # several .mmap slots of one table (#ifdef branches): same position
        same = next(sl for v, sl in old.tables_in(rel) if v == var and any(x[2] == line for x in sl))
        k = [x for x in same if x[0] == "mmap"].index(next(x for x in same if x[2] == line))
        named = [s for s in preps if s[1].startswith(val)]
        y = named[0] if named else preps[min(k, len(preps) - 1)]
        pairs.append({"rel": rel, "var": var, "old": val, "line": line, "new_rel": nrel,
                      "new": y[1], "new_line": y[2]})

    # 2. where the handlers live; the tool, one group per table file
    for p in pairs:
        orel, otext, odef = old.find_def(p["old"], p["rel"])
        nrel, ntext, ndef = new.find_def(p["new"], p["new_rel"])
        p.update(old_def=orel, old_body=otext, old_def_line=line_of(old.text(orel), odef[0]) if odef else None,
                 new_def=nrel, new_body=ntext,
                 new_def_line=line_of(new.text(nrel), ndef[0]) if ndef else None)
        p["old_library"] = orel is None or os.path.dirname(orel) != os.path.dirname(p["rel"])
        p["new_library"] = nrel is None or os.path.dirname(nrel) != os.path.dirname(p["new_rel"])
    # Only the table file is named: the tool finds a callback defined in
    # another file by itself and converts the files together.
    groups = {}
    for p in pairs:
        groups.setdefault(p["rel"], [p["rel"]])
    print("upstream-agreement: %d .mmap tables in %s, %d became .mmap_prepare in %s "
          "(%d still .mmap, %d not found); running the tool on %d file groups, -j%d"
          % (len(old_tables), old.root, len(pairs), new.root, stayed, gone, len(groups), a.j),
          file=sys.stderr, flush=True)
    results = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, a.j)) as ex:
        futs = {ex.submit(run_tool, tool, old, files, scratch, a.timeout): rel
                for rel, files in groups.items()}
        for n, f in enumerate(cf.as_completed(futs), 1):
            results[futs[f]] = f.result()
            print("  [%d/%d] %s" % (n, len(futs), futs[f]), file=sys.stderr, flush=True)

    # 3. judge each pair
    for p in pairs:
        judge(p, results[p["rel"]], groups[p["rel"]], old, new)
    pairs.sort(key=lambda p: (p["rel"], p["line"]))
    for p in pairs:
        print("%s %s:%s %s -> %s: %s" % (p["status"], p["rel"], p["var"], p["old"], p["new"], p["detail"]))
    ev = [p for p in pairs if p["status"] != "not-evaluable"]
    ag = [p for p in ev if p["status"] == "agree"]
    print("tables: %d with .mmap in the old tree, %d became .mmap_prepare (pairs), %d still .mmap, "
          "%d not found in the new tree" % (len(old_tables), len(pairs), stayed, gone))
    print("pairs: %d agree, %d disagree, %d not evaluable"
          % (len(ag), len(ev) - len(ag), len(pairs) - len(ev)))
    if a.keep:
        with open(os.path.join(scratch, "pairs.json"), "w") as f:
            json.dump([{k: v for k, v in p.items()} for p in pairs], f, indent=1, sort_keys=True)
        with open(os.path.join(scratch, "unpaired.json"), "w") as f:
            json.dump(unpaired, f, indent=1, sort_keys=True)
    else:
        shutil.rmtree(scratch, ignore_errors=True)
    print("agree %d/%d" % (len(ag), len(ev)))
    return 0


def finding_for(p, res, old):
    doc = res["doc"] or {}
    table = os.path.join(old.root, p["rel"])
    legacy = [f for f in doc.get("findings", []) if f.get("check") == "mmap-prepare-legacy-hook"]
    for f in legacy:
        if os.path.normpath(os.path.join(old.root, f["file"])) == table and f["line"] == p["line"]:
            return f
    for f in legacy:
        if f.get("callback") == p["old"]:
            return f
    return None


def not_evaluable(p, old, new):
    """Reasons upstream's change is not a mechanical conversion, from the text."""
    why = []
    otext, ntext = old.text(p["rel"]), new.text(p["new_rel"])
    if "nommu" in os.path.basename(p["rel"]) or nommu_only(otext, p["line"]) \
            or (p["old_def"] and p["old_def_line"] and not p["old_library"]
                and ("nommu" in p["old_def"] or nommu_only(old.text(p["old_def"]), p["old_def_line"]))) \
            or (p["new_def"] and p["new_def_line"] and not p["new_library"]
                and nommu_only(new.text(p["new_def"]), p["new_def_line"])):
        why.append("!CONFIG_MMU only (nommu code)")
    ob, nb = p["old_body"] or "", p["new_body"] or ""
    so, sn = strip_c(ob), strip_c(nb)
    if p["old_library"]:
        return why  # a library hook installed directly: no local body to compare
    if p["new_library"]:
        # a local handler replaced by a library hook: only the DAX rule applies
        if re.search(r"dax", so, re.I) and not re.search(r"dax", sn, re.I):
            why.append("upstream removed the DAX branch (installs %s instead)" % p["new"])
        return why
    olddir_text = "".join(old.text(r) or "" for r in {p["rel"], p["old_def"]})
    newdir_text = "".join(new.text(r) or "" for r in {p["new_rel"], p["new_def"]})
    if re.search(r"\.\s*mapped\s*=", strip_c(newdir_text)) and not re.search(r"\.\s*mapped\s*=", strip_c(olddir_text)):
        why.append("upstream added a vm_ops->mapped callback (state moved out of the hook)")
    newbits = sorted(set(re.findall(r"\bVMA_(\w+)_BIT\b", sn)))
    if re.search(r"\bVM_SHARED\b", so) and "MAYSHARE" in newbits and "SHARED" not in newbits:
        why.append("VM_SHARED test became VMA_MAYSHARE_BIT")
    added = [b for b in newbits if not re.search(r"\bVM_%s\b" % b, so)
             and not (b == "MAYSHARE" and re.search(r"\bVM_SHARED\b", so))]
    if added:
        why.append("upstream sets flags the old handler never named: %s"
                   % ", ".join("VMA_%s_BIT" % b for b in added))
    if re.search(r"dax", so, re.I) and not re.search(r"dax", sn, re.I):
        why.append("upstream removed the DAX branch")
    # descriptor state upstream installs that the old handler never set itself
    # (nor through generic_file_mmap(), which sets vm_ops)
    for field, twin in (("vm_ops", r"vm_ops"), ("private_data", r"vm_private_data"),
                        ("page_prot", r"vm_page_prot")):
        if re.search(r"\bdesc\s*->\s*%s\s*=[^=]" % field, sn) and not re.search(r"->\s*%s\b" % twin, so) \
                and not (field == "vm_ops" and re.search(r"\bgeneric_file_(readonly_)?mmap\s*\(", so)
                         and not re.search(r"\bgeneric_file_(readonly_)?mmap_prepare\s*\(", sn)):
            why.append("upstream sets desc->%s, which the old handler never set" % field)
    r = similarity(ob, nb)
    p["similarity"] = round(r, 2)
    if r < 0.5:
        why.append("handler rewritten beyond the mechanical renames (token similarity %.2f)" % r)
    return why


def judge(p, res, files, old, new):
    f = finding_for(p, res, old)
    p["finding"] = f
    cls = f["classification"] if f else None
    reasons = f["reasons"] if f else []
    tool_desc = ("tool: %s%s" % (cls, " [%s]" % ",".join(reasons) if reasons else "")) if f \
        else "tool: no legacy-hook finding"
    where = ""
    if p["old_def"] and p["old_def"] != p["rel"] and not p["old_library"]:
        where = "; old body in %s" % p["old_def"]
    if p["new_rel"] != p["rel"]:
        where += "; 7.3 table in %s" % p["new_rel"]
    # what the rewritten table installs
    fixed = res["fixed"]
    z = None
    if p["rel"] in fixed:
        # the same variable's slot in the rewritten file (lines may have moved:
        # the nearest one when #ifdef branches define the table twice)
        cands = [s for var, slots in tables(fixed[p["rel"]]) if var == p["var"]
                 for s in slots if s[0] == "mmap_prepare"]
        if cands:
            z = min(cands, key=lambda s: abs(s[2] - p["line"]))[1]
    p["tool_new"] = z
    # upstream's words
    if p["new_library"]:
        up = {p["new"] + "()"}
    else:
        up = api_words(p["new_body"] or "", p["new"])
    p["upstream_words"] = sorted(up)
    why = not_evaluable(p, old, new)
    err = ""
    if f is None:
        errs = (res["doc"] or {}).get("errors", []) + (res["doc"] or {}).get("not_analysed", [])
        mine = [e for e in errs if os.path.normpath(os.path.join(old.root, e["file"]))
                == os.path.join(old.root, p["rel"])]
        if mine:
            err = mine[0]["message"]
        elif res["doc"] is None:
            err = "no JSON from the tool (exit %d): %s" % (res["rc"], res["stderr"][:200])
    if f is not None:
        errs = (res["doc"] or {}).get("errors", [])
        mine = [e["message"] for e in errs if "compiler error" in e["message"] and
                os.path.normpath(os.path.join(old.root, e["file"])) == os.path.join(old.root, p["rel"])]
        if mine:
            err = mine[0]
        elif "does-not-compile" in reasons:
            err = "its translation unit does not compile [does-not-compile]"
    if not why and err:
        why.append("the tool could not analyse the file in this database: %s" % err[:300])
    if why:
        p["status"] = "not-evaluable"
        p["detail"] = "; ".join(why) + " (%s)%s" % (tool_desc, where)
        return
    if z is None:
        notes = [n["message"] for n in (f["notes"] if f else [])
                 if re.search(r"\[[\w-]+\]$", n["message"])]
        ferr = [e["message"] for e in (res["doc"] or {}).get("errors", [])
                if os.path.normpath(os.path.join(old.root, e["file"])) in
                {os.path.join(old.root, r) for r in files}]
        p["status"] = "disagree"
        p["detail"] = "not converted (%s)%s%s; upstream uses %s%s" % (
            tool_desc, ": " + " | ".join(notes[:2]) if notes else "",
            "; error: " + ferr[0][:200] if ferr else "", ", ".join(sorted(up)) or "no new-API word", where)
        return
    # the tool's handler
    body = None
    for rel in [p["rel"]] + [r for r in fixed if r != p["rel"]]:
        d = pick_definition(fixed[rel], z)
        if d:
            body = fixed[rel][d[0]:d[2]]
            break
    if body is None:
        if z == p["new"] or (p["new_library"] and z == p["new"]):
            tw = {z + "()"} if p["new_library"] else set(up)
        else:
            _, nb, _ = new.find_def(z, p["new_rel"])
            tw = {z + "()"} if nb is None else api_words(nb, z) | {z + "()"}
    else:
        tw = api_words(body, z)
    p["tool_words"] = sorted(tw)
    missing, extra = sorted(up - tw), sorted(tw - up)
    name = "" if z == p["new"] else " (upstream names it %s)" % p["new"]
    if p["new_library"] and z == p["new"]:
        missing = []
    if missing:
        hint = ""
        if set(missing) <= {"vma_desc_test_all", "vma_desc_test_any"} and "vma_desc_test" in tw:
            hint = " (the tool spells the multi-flag test as vma_desc_test() calls)"
        p["status"] = "disagree"
        p["detail"] = "converted to %s%s but it lacks %s%s%s%s" % (
            z, name, ", ".join(missing), hint, "; extra: " + ", ".join(extra) if extra else "", where)
    else:
        shape = call_shape_notes(body, p["new_body"]) if body and p["new_body"] else []
        p["call_shape"] = shape
        p["status"] = "agree"
        p["detail"] = "converted to %s%s; words %s%s%s%s" % (
            z, name, ", ".join(sorted(up)) or "none", "; extra: " + ", ".join(extra) if extra else "",
            "; but " + "; ".join(shape) if shape else "", where)


if __name__ == "__main__":
    sys.exit(main())
