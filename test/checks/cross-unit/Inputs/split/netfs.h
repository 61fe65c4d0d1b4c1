/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NETFS_H
#define NETFS_H

#include <linux/fs.h>
#include <linux/mm.h>

extern const struct vm_operations_struct netfs_file_vm_ops;
extern int netfs_file_mmap(struct file *file, struct vm_area_struct *vma);
extern int netfs_file_strict_mmap(struct file *file, struct vm_area_struct *vma);
static inline int netfs_revalidate(struct file *file)
{
	return file->f_mapping ? 0 : -EIO;
}

#endif
