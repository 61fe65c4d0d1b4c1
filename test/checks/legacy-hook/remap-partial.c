// Only the first page is remapped: the action keeps the explicit range.
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>

static unsigned long regs_phys;

static int regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, regs_phys >> PAGE_SHIFT,
			       PAGE_SIZE, vma->vm_page_prot);
}

static const struct file_operations regs_fops = {
	.mmap = regs_mmap,
};
// CHECK: remap-partial.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'regs_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
