// Remaps whose range is not proven inside the mapping or the object.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-remap-range

#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>

#define BUF_SIZE (16 * PAGE_SIZE)
static void *buf;
static unsigned long base_pfn, user_addr;

/* The whole mapping is remapped, but nothing bounds it by BUF_SIZE. */
static int whole_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(buf) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
// CHECK: must-report.c:[[@LINE-2]]:9: warning: remap_pfn_range() maps the whole mapping, but its size is never checked against the object behind it: user space can map past the end of the buffer [mmap-prepare-remap-range]
// CHECK: note: no guard compares vma->vm_end - vma->vm_start (or the page count) with the size of what is mapped
}

/* The same bug in new clothes. */
static int full_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, virt_to_phys(buf) >> PAGE_SHIFT);
// CHECK: must-report.c:[[@LINE-1]]:2: warning: mmap_action_remap_full() maps the whole mapping, but its size is never checked
	return 0;
}

/* A fixed-size remap into a mapping that may be smaller. */
static int fixed_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, base_pfn, BUF_SIZE,
			       vma->vm_page_prot);
// CHECK: must-report.c:[[@LINE-2]]:9: warning: remap_pfn_range() maps 'BUF_SIZE' bytes, but nothing checks that against the mapping size
// CHECK: note: no guard such as `if (BUF_SIZE > vma->vm_end - vma->vm_start) return -EINVAL;` dominates the call
}

/* Size is checked, the user-chosen offset is not. */
static int pgoff_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > BUF_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, base_pfn + vma->vm_pgoff,
			       size, vma->vm_page_prot);
// CHECK: must-report.c:[[@LINE-2]]:9: warning: remap_pfn_range() uses the mapping's pgoff in 'base_pfn + vma->vm_pgoff' without a bounds check: user space chooses the offset
}

/* The start is not derived from the mapping at all. */
static int start_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	mmap_action_remap(desc, user_addr, base_pfn, PAGE_SIZE);
// CHECK: must-report.c:[[@LINE-1]]:2: warning: mmap_action_remap() starts at 'user_addr', which is not derived from the mapping's start; it can fall outside [start, end)
	return 0;
}

/* A size check in one case does not cover the next case. */
static int case_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	switch (vma->vm_pgoff) {
	case 0:
		if (size != PAGE_SIZE)
			return -EINVAL;
		return remap_pfn_range(vma, vma->vm_start, base_pfn, size,
				       vma->vm_page_prot);
	case 1:
		return remap_pfn_range(vma, vma->vm_start, base_pfn + 1, size,
				       vma->vm_page_prot);
// CHECK: must-report.c:[[@LINE-2]]:10: warning: remap_pfn_range() maps the whole mapping, but its size is never checked
	}
	return -EINVAL;
}

static const struct file_operations fops[] = {
	{ .mmap = case_mmap },
	{ .mmap = whole_mmap },
	{ .mmap_prepare = full_prepare },
	{ .mmap = fixed_mmap },
	{ .mmap = pgoff_mmap },
	{ .mmap_prepare = start_prepare },
};
