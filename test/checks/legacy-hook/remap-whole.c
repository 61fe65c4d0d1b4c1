// A whole-mapping remap with a protection change and flags: the common
// /dev/mem-style driver.
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/io.h>
#include <linux/mm.h>

#define BUF_SIZE (4 * PAGE_SIZE)

static void *buf;

static int rw_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > BUF_SIZE)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	/* map the whole buffer */
	return remap_pfn_range(vma, vma->vm_start,
			       virt_to_phys(buf) >> PAGE_SHIFT, size,
			       vma->vm_page_prot);
}

static const struct file_operations rw_fops = {
	.owner = THIS_MODULE,
	.mmap = rw_mmap,
};
// CHECK-DAG: remap-whole.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'rw_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-DAG: remap-whole.c:15:12: note: 'rw_mmap' is defined here
// CHECK-DAG: remap-whole.c:23:2: warning: VMA flags are set on the descriptor by bit number: vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT, VMA_DONTDUMP_BIT) [mmap-prepare-vm-flags]
