// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-legacy-hook.md: one callback of
 * each class (convertible, manual, blocked). Builds against the mock headers:
 *   clang-19 -fsyntax-only -nostdinc -Itest/Inputs/kernel/include <file>
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/vmalloc.h>

#define REGS_SIZE	PAGE_SIZE

struct regs_dev {
	phys_addr_t base;
	void *vbuf;
};

/* Convertible: every use of the vma has a descriptor equivalent. */
static int regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct regs_dev *rd = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > REGS_SIZE)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_flags_set(vma, VM_DONTCOPY);
	return io_remap_pfn_range(vma, vma->vm_start, rd->base >> PAGE_SHIFT,
				  vma->vm_end - vma->vm_start,
				  vma->vm_page_prot);
}

/* Manual: a helper in this file takes the vma. */
static void regs_set_wc(struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
}

static int wc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct regs_dev *rd = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start > REGS_SIZE)
		return -EINVAL;

	regs_set_wc(vma);
	return remap_pfn_range(vma, vma->vm_start, rd->base >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

/* Blocked: vmalloc memory has no mmap action. */
static int vbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct regs_dev *rd = file->private_data;

	return remap_vmalloc_range(vma, rd->vbuf, vma->vm_pgoff);
}

const struct file_operations regs_fops = {
	.owner		= THIS_MODULE,
	.mmap		= regs_mmap,
};

const struct file_operations wc_fops = {
	.owner		= THIS_MODULE,
	.mmap		= wc_mmap,
};

const struct file_operations vbuf_fops = {
	.owner		= THIS_MODULE,
	.mmap		= vbuf_mmap,
};
