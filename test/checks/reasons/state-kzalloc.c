// Manual: the hook allocates per-mapping state.
// RUN: %expect-exit 1 %mpl %s -- %kflags > %t.out
// RUN: %FileCheck %s --input-file=%t.out
// RUN: %FileCheck %s --check-prefix=OTHER --input-file=%t.out
// RUN: grep warning: %t.out | count 2
// RUN: grep note: %t.out | count 2
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct sk_map {
	unsigned long start;
};

static int sk_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sk_map *map = kzalloc(sizeof(*map), GFP_KERNEL);

	if (!map)
		return -ENOMEM;
	vma->vm_private_data = map;
	return 0;
}

static const struct file_operations sk_fops = {
	.mmap = sk_mmap,
};
// CHECK: state-kzalloc.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'sk_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-kzalloc.c:[[@LINE-14]]:12: note: 'sk_mmap' is defined here
// CHECK-NEXT: state-kzalloc.c:[[@LINE-13]]:23: note: calls kzalloc(){{.*}} [state-in-hook]
// OTHER: state-kzalloc.c:[[@LINE-14]]:23: warning: the mmap hook calls kzalloc(){{.*}} [mmap-prepare-stateful-hook]
