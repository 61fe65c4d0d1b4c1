/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/dax.h for mmap-prepare-lint tests. */
#ifndef _LINUX_DAX_H
#define _LINUX_DAX_H

#include <linux/mock_kernel_api.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct dax_device;
bool dax_synchronous(struct dax_device *dax_dev);

#if MOCK_KERNEL_API >= 701
static inline bool daxdev_mapping_supported(const struct vm_area_desc *desc,
					    const struct inode *inode,
					    struct dax_device *dax_dev)
{
	if (!vma_desc_test(desc, VMA_SYNC_BIT))
		return true;
	return dax_synchronous(dax_dev);
}
#else
static inline bool daxdev_mapping_supported(struct vm_area_struct *vma,
					    struct dax_device *dax_dev)
{
	if (!(vma->vm_flags & VM_SYNC))
		return true;
	return dax_synchronous(dax_dev);
}
#endif

#endif /* _LINUX_DAX_H */
