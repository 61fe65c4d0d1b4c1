// Blocked: one remap per page in a loop; an mmap action covers one range.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long rl_pfns[4];

static int rl_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long i;
	int ret;

	for (i = 0; i < vma_pages(vma) && i < 4; i++) {
		ret = remap_pfn_range(vma, vma->vm_start + i * PAGE_SIZE,
				      rl_pfns[i], PAGE_SIZE,
				      vma->vm_page_prot);
		if (ret)
			return ret;
	}
	return 0;
}

static const struct file_operations rl_fops = {
	.mmap = rl_mmap,
};
// CHECK: remap-in-loop.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'rl_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: remap-in-loop.c:[[@LINE-19]]:12: note: 'rl_mmap' is defined here
// CHECK: remap-in-loop.c:[[@LINE-14]]:9: note: calls remap_pfn_range() in a loop{{.*}} [remap-in-loop]
