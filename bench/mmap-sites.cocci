// The `.mmap` sites mmap-prepare-lint's legacy-hook check reports: a
// file_operations initialiser (designated) or an assignment that installs
// an mmap callback. Used by bench/tree.py to time Coccinelle on the same job.
@init@
identifier ops, fn;
position p;
@@
struct file_operations ops = { ..., .mmap@p = fn, ... };

@script:python depends on init@
p << init.p;
fn << init.fn;
@@
print("%s:%s: .mmap = %s" % (p[0].file, p[0].line, fn))

@assign@
expression E;
identifier fn;
position p;
@@
E->mmap@p = fn;

@script:python depends on assign@
p << assign.p;
fn << assign.fn;
@@
print("%s:%s: ->mmap = %s" % (p[0].file, p[0].line, fn))
