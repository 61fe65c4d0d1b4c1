// Manual: the callback is only declared here; its body is in another file.
// RUN: %expect-exit 1 %mpl %s -- %kflags \
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
// CHECK: callback-elsewhere.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ce_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: callback-elsewhere.c:[[@LINE-3]]:2: note: 'ce_mmap' is defined in another file{{.*}} [callback-elsewhere]
