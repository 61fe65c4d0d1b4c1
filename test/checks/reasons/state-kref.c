// Manual: the hook takes a reference before the mapping is known to exist.
// RUN: %expect-exit 1 %mpl %s -- %kflags > %t.out
// RUN: %FileCheck %s --input-file=%t.out
// RUN: %FileCheck %s --check-prefix=OTHER --input-file=%t.out
// RUN: grep warning: %t.out | count 2
// RUN: grep note: %t.out | count 2
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>

struct kr_dev {
	struct kref ref;
	unsigned long pfn;
};

static int kr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kr_dev *dev = file->private_data;

	if (vma_pages(vma) > 4)
		return -EINVAL;
	kref_get(&dev->ref);
	vma->vm_private_data = dev;
	return remap_pfn_range(vma, vma->vm_start, dev->pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations kr_fops = {
	.mmap = kr_mmap,
};
// CHECK: state-kref.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'kr_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-kref.c:[[@LINE-17]]:12: note: 'kr_mmap' is defined here
// CHECK-NEXT: state-kref.c:[[@LINE-12]]:2: note: changes dev->ref with kref_get(){{.*}} [state-in-hook]
// OTHER: state-kref.c:[[@LINE-13]]:2: warning: the mmap hook changes dev->ref with kref_get(){{.*}} [mmap-prepare-stateful-hook]
