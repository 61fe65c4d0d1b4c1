// A flags test mentions the mapping but bounds nothing.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-remap-range

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn;

static int flag_prepare(struct vm_area_desc *desc)
{
	if (!vma_desc_test(desc, VMA_SHARED_BIT))
		return -EINVAL;
	mmap_action_remap_full(desc, base_pfn);
// CHECK: flag-check-is-not-a-bound.c:[[@LINE-1]]:2: warning: mmap_action_remap_full() maps the whole mapping, but its size is never checked
	return 0;
}

static int flag_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, base_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
// CHECK: flag-check-is-not-a-bound.c:[[@LINE-2]]:9: warning: remap_pfn_range() maps the whole mapping, but its size is never checked
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = flag_prepare },
	{ .mmap = flag_mmap },
};
