// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-api-misuse.md: a hook written
 * against v7.0, whose flag-test helper was renamed in v7.1. Build with
 * -DMOCK_KERNEL_API=700.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static int ro_mmap_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_test_flags(desc, VMA_WRITE_BIT, VMA_EXEC_BIT))
		return -EPERM;
	return 0;
}

const struct file_operations ro_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= ro_mmap_prepare,
};
