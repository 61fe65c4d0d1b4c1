// Manual: work after the remap would run before the deferred mmap action.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long ca_pfn;
static void ca_hw_start(void *hw)
{
	(void)hw;
}

static int ca_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	if (remap_pfn_range(vma, vma->vm_start, ca_pfn,
			    vma->vm_end - vma->vm_start,
			    vma->vm_page_prot))
		return -EAGAIN;
	ca_hw_start(file->private_data);
	return 0;
}

static const struct file_operations ca_fops = {
	.mmap = ca_mmap,
};
// CHECK: code-after-remap.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ca_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: code-after-remap.c:[[@LINE-16]]:12: note: 'ca_mmap' is defined here
// CHECK-NEXT: code-after-remap.c:[[@LINE-9]]:2: note: code runs after remap_pfn_range(){{.*}} [code-after-remap]
