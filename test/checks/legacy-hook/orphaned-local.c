// Locals only read by the remap become unused once it is a *_full action;
// -Werror kernels reject that, so they go too (aspeed-lpc-ctrl, tee_shm).
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct ctrl {
	unsigned long mem_base, mem_size;
};

static struct ctrl *the_ctrl;

static int lpc_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long vsize = vma->vm_end - vma->vm_start;
	pgprot_t prot = vma->vm_page_prot;

	if (vma->vm_pgoff + vma_pages(vma) > the_ctrl->mem_size >> PAGE_SHIFT)
		return -EINVAL;

	prot = pgprot_noncached(prot);

	if (remap_pfn_range(vma, vma->vm_start,
			    (the_ctrl->mem_base >> PAGE_SHIFT) + vma->vm_pgoff,
			    vsize, prot))
		return -EAGAIN;

	return 0;
}

static int size_mmap(struct file *file, struct vm_area_struct *vma)
{
	size_t size;
	unsigned long keep = vma->vm_end - vma->vm_start;

	size = vma->vm_end - vma->vm_start;
	if (keep > the_ctrl->mem_size)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, the_ctrl->mem_base >> PAGE_SHIFT,
			       size, vma->vm_page_prot);
}

static const struct file_operations fops[] = {
	{ .mmap = lpc_mmap },
	{ .mmap = size_mmap },
};
// CHECK: orphaned-local.c:[[@LINE-3]]:4: warning: 'file_operations.mmap' is deprecated; 'lpc_mmap' can be converted to mmap_prepare automatically
// CHECK: orphaned-local.c:[[@LINE-3]]:4: warning: 'file_operations.mmap' is deprecated; 'size_mmap' can be converted to mmap_prepare automatically
