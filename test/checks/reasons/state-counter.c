// Manual: the hook bumps a per-device counter reached through a pointer.
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

struct sc_dev {
	unsigned int mmap_count;
	unsigned long pfn;
};

static int sc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sc_dev *dev = file->private_data;

	if (vma_pages(vma) > 4)
		return -EINVAL;
	dev->mmap_count++;
	return remap_pfn_range(vma, vma->vm_start, dev->pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations sc_fops = {
	.mmap = sc_mmap,
};
// CHECK: state-counter.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'sc_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-counter.c:[[@LINE-16]]:12: note: 'sc_mmap' is defined here
// CHECK-NEXT: state-counter.c:[[@LINE-11]]:2: note: updates dev->mmap_count, which outlives the hook; a merged or failed mapping would leave the count wrong{{.*}} [state-in-hook]
// OTHER: state-counter.c:[[@LINE-12]]:2: warning: the mmap hook updates dev->mmap_count{{.*}} [mmap-prepare-stateful-hook]
