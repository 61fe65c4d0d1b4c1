// Manual: .mmap is set by position, so the table cannot be rewritten
// safely (mmap_prepare sits in another slot).
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long pi_pfn;

static int pi_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, pi_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

/* owner .. compat_ioctl, then mmap */
static const struct file_operations pi_fops = {
	NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	pi_mmap,
};
// CHECK: positional-init.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'pi_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: positional-init.c:[[@LINE-15]]:12: note: 'pi_mmap' is defined here
// CHECK: note: {{.*}} [positional-init]
