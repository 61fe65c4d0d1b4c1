// `(vma->vm_end - vma->vm_start)` becomes `vma_desc_size(desc)`: the
// parentheses the subtraction needed are not kept around the call (idxd's
// check_vma(), rmtfs_mem's dev_dbg()); those of sizeof stay, and the
// author's own parentheses elsewhere are untouched.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long rp_limit;

static int rp_check(unsigned long size, unsigned long width)
{
	return size > width ? 0 : -EINVAL;
}

static int rp_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_end - vma->vm_start) > PAGE_SIZE)
		return -EINVAL;
	if (((vma->vm_end - vma->vm_start)) > rp_limit || (vma->vm_pgoff != 0))
		return -EINVAL;
	return rp_check((vma->vm_end - vma->vm_start),
			sizeof(vma->vm_end - vma->vm_start));
}

static const struct file_operations rp_fops = {
	.mmap = rp_mmap,
// CHECK: redundant-parens.c:[[@LINE-1]]:2: warning: {{.*}}'rp_mmap' can be converted
};
