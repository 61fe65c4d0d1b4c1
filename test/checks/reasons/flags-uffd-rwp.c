// VM_UFFD_RWP is a 7.3 flag (bit 43, VMA_UFFD_RWP_BIT declared by these
// default 7.3 headers): the callback stays convertible.
// RUN: %check_mmap_prepare --exit 1 --implicit-check-not=flags-unknown-mask %s

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long ur_pfn;

static int ur_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_UFFD_RWP);
	return remap_pfn_range(vma, vma->vm_start, ur_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations ur_fops = {
	.mmap = ur_mmap,
};
// CHECK-DAG: flags-uffd-rwp.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ur_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-DAG: flags-uffd-rwp.c:[[@LINE-10]]:2: warning: {{.*}}vma_desc_set_flags(desc, VMA_IO_BIT, VMA_UFFD_RWP_BIT) [mmap-prepare-vm-flags]
