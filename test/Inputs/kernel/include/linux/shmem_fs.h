/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/shmem_fs.h for mmap-prepare-lint tests. */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/mock_kernel_api.h>
#include <linux/fs.h>
#include <linux/mm.h>

#if MOCK_KERNEL_API >= 701
struct file *shmem_file_setup(const char *name, loff_t size, vma_flags_t flags);
struct file *shmem_kernel_file_setup(const char *name, loff_t size,
				     vma_flags_t vma_flags);
#else
struct file *shmem_file_setup(const char *name, loff_t size,
			      unsigned long flags);
struct file *shmem_kernel_file_setup(const char *name, loff_t size,
				     unsigned long flags);
#endif
int shmem_zero_setup(struct vm_area_struct *vma);
#if MOCK_KERNEL_API >= 619
int shmem_zero_setup_desc(struct vm_area_desc *desc);
#endif
unsigned long shmem_get_unmapped_area(struct file *, unsigned long addr,
		unsigned long len, unsigned long pgoff, unsigned long flags);
bool shmem_mapping(const struct address_space *mapping);

#endif /* _LINUX_SHMEM_FS_H */
