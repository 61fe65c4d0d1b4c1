// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-legacy-hook.md (line width):
 * a continuation line aligned under a parenthesis the rewrite moves.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long al_pfn;

static int al_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) != 1)
		return -EINVAL;
	vma->vm_page_prot = pgprot_modify(vma->vm_page_prot,
					  pgprot_noncached(vma->vm_page_prot));
	return remap_pfn_range(vma, vma->vm_start, al_pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

const struct file_operations al_fops = {
	.mmap		= al_mmap,
};
