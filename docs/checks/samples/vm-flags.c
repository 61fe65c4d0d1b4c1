// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-vm-flags.md: flag handling in a
 * legacy .mmap callback.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static unsigned long ring_pfn;

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) == (VM_SHARED | VM_WRITE))
		return -EPERM;
	if (vma->vm_flags & VM_SHARED)
		vm_flags_clear(vma, VM_MAYWRITE);

	vm_flags_mod(vma, VM_DONTCOPY | VM_DONTDUMP, VM_MAYEXEC);
	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, ring_pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

/* VM_SOFTDIRTY is VM_NONE without CONFIG_MEM_SOFT_DIRTY. */
static int dirty_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_clear(vma, VM_SOFTDIRTY);
	return 0;
}

const struct file_operations ring_fops = {
	.owner		= THIS_MODULE,
	.mmap		= ring_mmap,
};

const struct file_operations dirty_fops = {
	.owner		= THIS_MODULE,
	.mmap		= dirty_mmap,
};
