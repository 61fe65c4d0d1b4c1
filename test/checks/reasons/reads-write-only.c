// Manual: reads vm_private_data, which the descriptor only lets you set.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long rw_pfn;

static int rw_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	if (vma->vm_private_data)
		return -EBUSY;
	vma->vm_private_data = file->private_data;
	return remap_pfn_range(vma, vma->vm_start, rw_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations rw_fops = {
	.mmap = rw_mmap,
};
// CHECK: reads-write-only.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'rw_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: reads-write-only.c:[[@LINE-16]]:12: note: 'rw_mmap' is defined here
// CHECK-NEXT: reads-write-only.c:[[@LINE-13]]:6: note: {{.*}}vm_private_data{{.*}} [reads-write-only]

// A stacking wrapper reads what the inner mmap installed; on the descriptor
// that read follows the inner mmap_prepare and sees its value. Only the
// dispatch itself stands in the way.
static const struct vm_operations_struct wrap_vm_ops;

static int wrap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;
	int ret;

	ret = vfs_mmap(lower, vma);
	if (ret)
		return ret;
	if (!vma->vm_ops)
		vma->vm_ops = &wrap_vm_ops;
	return 0;
}

static const struct file_operations wrap_fops = {
	.mmap = wrap_mmap,
};
// CHECK: reads-write-only.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'wrap_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: reads-write-only.c:[[@LINE-17]]:12: note: 'wrap_mmap' is defined here
// CHECK-NEXT: reads-write-only.c:[[@LINE-13]]:8: note: passes the vma to vfs_mmap(), which maps through its framework's own ops [framework-dispatch]

// Reading back the callback's own write is not the write-only problem.
static int own_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	vma->vm_private_data = file->private_data;
	if (!vma->vm_private_data)
		return -ENODEV;
	return remap_pfn_range(vma, vma->vm_start, rw_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations own_fops = {
	.mmap = own_mmap,
};
// CHECK: reads-write-only.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'own_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: reads-write-only.c:[[@LINE-16]]:12: note: 'own_mmap' is defined here
