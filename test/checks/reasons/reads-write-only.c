// Manual: reads vm_private_data, which the descriptor only lets you set.
// RUN: %expect-exit 1 %mpl %s -- %kflags \
// RUN:   | %FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long rw_pfn;

static int rw_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	if (vma->vm_private_data)
		return -EBUSY;
	vma->vm_private_data = file->private_data;
	return remap_pfn_range(vma, vma->vm_start, rw_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations rw_fops = {
	.mmap = rw_mmap,
};
// CHECK: reads-write-only.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'rw_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: reads-write-only.c:[[@LINE-16]]:12: note: 'rw_mmap' is defined here
// CHECK-NEXT: reads-write-only.c:[[@LINE-13]]:6: note: {{.*}}vm_private_data{{.*}} [reads-write-only]
