// SPDX-License-Identifier: GPL-2.0
/*
 * docs/checks/samples/remap-range.c with the ranges proven: what
 * mmap-prepare-remap-range accepts.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>

#define BUF_PAGES	16
#define BUF_SIZE	(BUF_PAGES * PAGE_SIZE)

static void *buf;
static unsigned long bar_pfn;

static int whole_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start > BUF_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start,
			       virt_to_phys(buf) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int fixed_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start < BUF_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, bar_pfn, BUF_SIZE,
			       vma->vm_page_prot);
}

static int window_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff + vma_pages(vma) > BUF_PAGES)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, bar_pfn + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int start_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	mmap_action_remap(desc, desc->start, bar_pfn, PAGE_SIZE);
	return 0;
}

const struct file_operations remap_fops[] = {
	{ .owner = THIS_MODULE, .mmap = whole_mmap },
	{ .owner = THIS_MODULE, .mmap = fixed_mmap },
	{ .owner = THIS_MODULE, .mmap = window_mmap },
	{ .owner = THIS_MODULE, .mmap_prepare = start_prepare },
};
