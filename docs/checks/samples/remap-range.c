// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-remap-range.md: remaps whose
 * range is not proven to lie inside the mapping or the buffer behind it.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>

#define BUF_PAGES	16
#define BUF_SIZE	(BUF_PAGES * PAGE_SIZE)

static void *buf;
static unsigned long bar_pfn, user_addr;

/* The whole mapping is remapped; nothing bounds it by BUF_SIZE. */
static int whole_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start,
			       virt_to_phys(buf) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

/* A fixed size into a mapping that may be smaller. */
static int fixed_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, bar_pfn, BUF_SIZE,
			       vma->vm_page_prot);
}

/* The size is checked, the user-chosen offset is not. */
static int window_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > BUF_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, bar_pfn + vma->vm_pgoff,
			       size, vma->vm_page_prot);
}

/* Already on mmap_prepare, but the start is not the mapping's. */
static int start_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	mmap_action_remap(desc, user_addr, bar_pfn, PAGE_SIZE);
	return 0;
}

const struct file_operations remap_fops[] = {
	{ .owner = THIS_MODULE, .mmap = whole_mmap },
	{ .owner = THIS_MODULE, .mmap = fixed_mmap },
	{ .owner = THIS_MODULE, .mmap = window_mmap },
	{ .owner = THIS_MODULE, .mmap_prepare = start_prepare },
};
