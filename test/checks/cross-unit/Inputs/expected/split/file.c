// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* The mmap callbacks; the tables that install them are in super.c. */
#include "netfs.h"

const struct vm_operations_struct netfs_file_vm_ops = {
};

int netfs_file_strict_mmap_prepare(struct vm_area_desc *desc)
{
	struct file *file = desc->file;
	int rc = 0;

	if (!(file->f_flags & 1))
		rc = netfs_revalidate(file);
	if (!rc)
		rc = generic_file_mmap_prepare(desc);
	if (!rc)
		desc->vm_ops = &netfs_file_vm_ops;
	return rc;
}

int netfs_file_mmap_prepare(struct vm_area_desc *desc)
{
	struct file *file = desc->file;
	int rc;

	rc = netfs_revalidate(file);
	if (!rc)
		rc = generic_file_mmap_prepare(desc);
	if (!rc)
		desc->vm_ops = &netfs_file_vm_ops;
	return rc;
}
