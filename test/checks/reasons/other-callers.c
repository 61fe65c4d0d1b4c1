// Manual: the callback is also called directly with a real vma.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long oc_pfn;

static int oc_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, oc_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

/* Entry point for a sibling driver that owns the file. */
int oc_map_region(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return oc_mmap(file, vma);
}

static const struct file_operations oc_fops = {
	.mmap = oc_mmap,
};
// CHECK: other-callers.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'oc_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: other-callers.c:[[@LINE-20]]:12: note: 'oc_mmap' is defined here
// CHECK-NEXT: other-callers.c:[[@LINE-8]]:9: note: 'oc_mmap' is also referenced here; {{.*}} [other-callers]
