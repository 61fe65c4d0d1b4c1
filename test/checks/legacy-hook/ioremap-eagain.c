// `if (io_remap_pfn_range(...)) return -EAGAIN;` keeps its error through
// action.error_override (7.2+); before 7.2 the callback is manual.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook,mmap-prepare-vm-flags'
// RUN: %check-fix %s %s.expected %t
// RUN: %check_mmap_prepare --exit 1 --check-prefix=API71 %s '--checks=-*,mmap-prepare-legacy-hook' --api=7.1 -- -DMOCK_KERNEL_API=701

#include <linux/fs.h>
#include <linux/mm.h>

static int win_mmap(struct file *file, struct vm_area_struct *vma)
{
	size_t size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, size,
			       pgprot_writecombine(vma->vm_page_prot)))
		return -EAGAIN;
	return 0;
}

static const struct file_operations win_fops = {
	.mmap		= win_mmap,
};
// CHECK-DAG: ioremap-eagain.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'win_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-DAG: ioremap-eagain.c:14:8: warning: flag tests on the descriptor take bit numbers: vma_desc_test(desc, VMA_SHARED_BIT) [mmap-prepare-vm-flags]
// API71: warning: 'file_operations.mmap' is deprecated; 'win_mmap' needs manual steps to move to mmap_prepare
// API71: ioremap-eagain.c:17:6: note: io_remap_pfn_range() failure is reported as -EAGAIN; mmap actions take an error override only from 7.2 (action.error_override) [error-mapping]
