// A size kept in a local is the whole mapping, and the action is the _full
// one, only when that value reaches the call on every path: one plain
// assignment at the top level of the body before the call (or the
// initialiser of a local never written), in a body without goto. A size
// assigned in a branch, assigned twice, adjusted, or in a body with goto
// keeps the explicit range.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn, limit;

static int top_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long vsize;

	vsize = vma->vm_end - vma->vm_start;
	if (vsize > limit)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, base_pfn, vsize,
			       vma->vm_page_prot);
}

static int branch_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long vsize = PAGE_SIZE;

	if (limit)
		vsize = vma->vm_end - vma->vm_start;
	return remap_pfn_range(vma, vma->vm_start, base_pfn, vsize,
			       vma->vm_page_prot);
}

static int twice_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long vsize;

	vsize = vma->vm_end - vma->vm_start;
	vsize = PAGE_SIZE;
	return remap_pfn_range(vma, vma->vm_start, base_pfn, vsize,
			       vma->vm_page_prot);
}

static int adjusted_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long vsize;

	vsize = vma->vm_end - vma->vm_start;
	vsize -= PAGE_SIZE;
	return remap_pfn_range(vma, vma->vm_start, base_pfn, vsize,
			       vma->vm_page_prot);
}

static const struct file_operations fops[] = {
	{ .mmap = top_mmap },
	{ .mmap = branch_mmap },
	{ .mmap = twice_mmap },
	{ .mmap = adjusted_mmap },
};
// CHECK: remap-size-local.c:[[@LINE-5]]:4: warning: {{.*}}'top_mmap' can be converted
// CHECK: remap-size-local.c:[[@LINE-5]]:4: warning: {{.*}}'branch_mmap' can be converted
// CHECK: remap-size-local.c:[[@LINE-5]]:4: warning: {{.*}}'twice_mmap' can be converted
// CHECK: remap-size-local.c:[[@LINE-5]]:4: warning: {{.*}}'adjusted_mmap' can be converted
