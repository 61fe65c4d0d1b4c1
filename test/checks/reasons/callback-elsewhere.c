// Not analysed: the callback is only declared here, and no file of this
// directory (no kernel tree holds it) defines it. Nothing is written.
// COMPARE-FRONTENDS: skip the CLI searches the tree for the definition; the plugin sees one unit
// RUN: %expect-exit 1 %mpl %s -- %kflags 2>%t.err \
// RUN:   | %FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

int ce_mmap(struct file *file, struct vm_area_struct *vma);

static const struct file_operations ce_fops = {
	.mmap = ce_mmap,
};
// CHECK: callback-elsewhere.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ce_mmap' was not analysed: its definition is in another file [mmap-prepare-legacy-hook]
// CHECK-NEXT: callback-elsewhere.c:[[@LINE-3]]:2: note: 'ce_mmap' is defined in another file; not analysed: no definition of 'ce_mmap' was found in {{.*}}reasons [callback-elsewhere]
// RUN: %FileCheck %s --check-prefix=SUM --input-file=%t.err
// SUM: 1 finding in 1 translation unit; callbacks: 0 convertible, 0 manual, 0 blocked, 1 not analysed; 0 fixable
