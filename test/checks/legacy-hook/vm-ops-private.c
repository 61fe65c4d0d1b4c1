// vm_ops and private data are written on the descriptor; pgoff, size and
// page counts read from it.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct buf {
	unsigned long nr_pages;
};

static vm_fault_t buf_fault(struct vm_fault *vmf)
{
	return 0;
}

static const struct vm_operations_struct buf_vm_ops = {
	.fault = buf_fault,
};

static int buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct buf *b = file->private_data;
	unsigned long pages = vma_pages(vma);

	if (vma->vm_pgoff + pages > b->nr_pages)
		return -EINVAL;
	if (vma->vm_end - vma->vm_start > (b->nr_pages << PAGE_SHIFT))
		return -EINVAL;

	vma->vm_ops = &buf_vm_ops;
	vma->vm_private_data = b;
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations buf_fops = {
	.mmap = buf_mmap,
};
// CHECK: vm-ops-private.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'buf_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
