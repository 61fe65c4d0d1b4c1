// Blocked: the vma is used inside a driver macro the tool cannot rewrite.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

#define MS_SETUP(v)	vm_flags_set(v, VM_IO)

static unsigned long ms_pfn;

static int ms_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	MS_SETUP(vma);
	return remap_pfn_range(vma, vma->vm_start, ms_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations ms_fops = {
	.mmap = ms_mmap,
};
// CHECK: macro-spelled-body.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ms_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: macro-spelled-body.c:[[@LINE-14]]:12: note: 'ms_mmap' is defined here
// CHECK: macro-spelled-body.c:[[@LINE-11]]:2: note: {{.*}} [macro-spelled]
