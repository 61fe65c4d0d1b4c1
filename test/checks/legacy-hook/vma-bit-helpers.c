// The mm.h helpers on a vma that have descriptor forms (7.1+): bit tests and
// edits (functions and the macros over their _mask forms), the CoW test and
// vma_start_pgoff(). They convert in place; none is a helper of this file.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

#define BUF_PAGES 16

static unsigned long base_pfn;

static int bits_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_is_cow_mapping(vma))
		return -EINVAL;
	if (!vma_test(vma, VMA_SHARED_BIT) ||
	    vma_test_any(vma, VMA_EXEC_BIT, VMA_WRITE_BIT))
		return -EPERM;
	if (vma_start_pgoff(vma) + vma_pages(vma) > BUF_PAGES)
		return -EINVAL;
	vma_set_flags(vma, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
	vma_clear_flags_mask(vma, mk_vma_flags(VMA_MAYEXEC_BIT));
	return remap_pfn_range(vma, vma->vm_start, base_pfn + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations bits_fops = {
	.mmap = bits_mmap,
};
// CHECK: vma-bit-helpers.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'bits_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: vma-bit-helpers.c:14:12: note: 'bits_mmap' is defined here
