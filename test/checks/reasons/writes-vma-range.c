// Blocked: the hook moves vma->vm_start; the descriptor's range is fixed.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long wr_pfn;

static int wr_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	/* skip the guard page at the bottom */
	vma->vm_start += PAGE_SIZE;
	return remap_pfn_range(vma, vma->vm_start, wr_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations wr_fops = {
	.mmap = wr_mmap,
};
// CHECK: writes-vma-range.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'wr_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: writes-vma-range.c:[[@LINE-15]]:12: note: 'wr_mmap' is defined here
// CHECK: writes-vma-range.c:[[@LINE-11]]:2: note: writes vma->vm_start{{.*}} [writes-vma-range]
