// Synchronous calls with a descriptor twin are replaced in place: their
// result is still tested and the code after them still runs after them.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>

static const struct vm_operations_struct tw_vm_ops;

static int tw_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = generic_file_mmap(file, vma);
	if (ret)
		return ret;
	vma->vm_ops = &tw_vm_ops;
	return 0;
}

static const struct file_operations tw_fops = {
	.mmap		= tw_file_mmap,
};
// CHECK: sync-twins.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'tw_file_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: sync-twins.c:{{[0-9]+}}:12: note: 'tw_file_mmap' is defined here

static int tw_zero_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!vma)
		return -EINVAL;
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma_set_anonymous(vma);
	return 0;
}
// CHECK: sync-twins.c:[[@LINE-5]]:6: warning: flag tests on the descriptor take bit numbers: vma_desc_test(desc, VMA_SHARED_BIT) [mmap-prepare-vm-flags]
// CHECK-NEXT: sync-twins.c:{{[0-9]+}}:12: note: converted together with 'tw_zero_mmap'

static const struct file_operations tw_zero_fops = {
	.mmap		= tw_zero_mmap,
};
// CHECK: sync-twins.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'tw_zero_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: sync-twins.c:{{[0-9]+}}:12: note: 'tw_zero_mmap' is defined here

static int tw_ro_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (is_cow_mapping(vma->vm_flags))
		return -EINVAL;
	return generic_file_readonly_mmap(file, vma) ?: 0;
}

static const struct file_operations tw_ro_fops = {
	.mmap		= tw_ro_mmap,
};
// CHECK: sync-twins.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'tw_ro_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: sync-twins.c:{{[0-9]+}}:12: note: 'tw_ro_mmap' is defined here
