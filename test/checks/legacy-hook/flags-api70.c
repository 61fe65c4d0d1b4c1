// At 7.0 the any-of test is vma_desc_test_flags(); there is no all-of test.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook' --api=7.0 -- -DMOCK_KERNEL_API=700
// RUN: %check-fix --api=7.0 --define=MOCK_KERNEL_API=700 %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static int old_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations old_fops = {
	.mmap = old_mmap,
};
// CHECK: flags-api70.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'old_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
