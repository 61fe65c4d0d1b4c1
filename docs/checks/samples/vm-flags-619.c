// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-vm-flags.md: an mmap_prepare
 * hook written for v6.16-v6.19, when the descriptor still had a vm_flags
 * word. Build with -DMOCK_KERNEL_API=619.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static int old_prepare(struct vm_area_desc *desc)
{
	if (desc->vm_flags & VM_WRITE)
		return -EPERM;
	desc->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	desc->vm_flags &= ~VM_MAYWRITE;
	return 0;
}

const struct file_operations old_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= old_prepare,
};
