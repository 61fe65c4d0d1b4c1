// The result kept in a local that only carried it: the local goes away.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn;

static int rv_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	int ret;

	if (off)
		return -EINVAL;
	ret = remap_pfn_range(vma, vma->vm_start, base_pfn,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
	if (ret)
		return ret;
	return 0;
}

static int rv2_mmap(struct file *file, struct vm_area_struct *vma)
{
	int err = io_remap_pfn_range(vma, vma->vm_start, base_pfn,
				     vma->vm_end - vma->vm_start,
				     vma->vm_page_prot);

	return err;
}

static const struct file_operations rv_fops = {
	.mmap = rv_mmap,
};
// CHECK: result-var.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'rv_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
static const struct file_operations rv2_fops = {
	.mmap = rv2_mmap,
};
// CHECK: result-var.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'rv2_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
