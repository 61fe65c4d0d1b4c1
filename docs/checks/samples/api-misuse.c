// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-api-misuse.md: an mmap_prepare
 * hook that touches the descriptor the wrong way, and a table with both hooks.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static unsigned long bar_pfn;
static const struct vm_operations_struct bar_vm_ops;

static int bar_mmap_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	if (desc->private_data)
		return -EBUSY;
	desc->end = desc->start + PAGE_SIZE;
	desc->vm_ops = &bar_vm_ops;
	desc->action.type = MMAP_IO_REMAP_PFN;
	mmap_action_ioremap_full(desc, bar_pfn);
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static int ctl_mmap_prepare(struct vm_area_desc *desc)
{
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
	return 0;
}

static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

const struct file_operations bar_fops = {
	.owner		= THIS_MODULE,
	.mmap		= bar_mmap,
	.mmap_prepare	= bar_mmap_prepare,
};

const struct file_operations ctl_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= ctl_mmap_prepare,
};
