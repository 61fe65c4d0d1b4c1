// vma_desc_test_flags() (7.0) became vma_desc_test_any() in 7.1: renamed
// with a fix when targeting 7.1+.
// RUN: %check_mmap_prepare --exit 1 %s --api=7.1 --checks=-*,mmap-prepare-api-misuse -- -DMOCK_KERNEL_API=700
// RUN: cp %s %t.c && %expect-exit 1 %mpl --api=7.1 --fix %t.c -- %kflags -DMOCK_KERNEL_API=700
// RUN: grep -q 'if (vma_desc_test_any(desc, VMA_WRITE_BIT, VMA_EXEC_BIT))' %t.c
// RUN: %expect-exit 0 %mpl --checks=-*,mmap-prepare-api-misuse %s -- %kflags -DMOCK_KERNEL_API=700 | count 0

#include <linux/fs.h>
#include <linux/mm.h>

static int old_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_test_flags(desc, VMA_WRITE_BIT, VMA_EXEC_BIT))
// CHECK: outdated-helper.c:[[@LINE-1]]:6: warning: vma_desc_test_flags() was renamed vma_desc_test_any() in 7.1; the old name is gone from current kernels [mmap-prepare-api-misuse]
		return -EPERM;
	return 0;
}

static const struct file_operations old_fops = {
	.mmap_prepare = old_prepare,
};
