// 6.16-6.19 code spelled flags on desc->vm_flags; 7.0 removed the field.
// RUN: %check_mmap_prepare --exit 1 %s --api=7.3 --checks=-*,mmap-prepare-vm-flags -- -DMOCK_KERNEL_API=619
// RUN: cp %s %t.c && %expect-exit 1 %mpl --api=7.3 --fix %t.c -- %kflags -DMOCK_KERNEL_API=619
// RUN: %FileCheck %s --check-prefix=FIXED < %t.c
// RUN: %clang -fsyntax-only %kflags %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static int old_prepare(struct vm_area_desc *desc)
{
	if (desc->vm_flags & VM_WRITE)
// CHECK: desc-vm-flags.c:[[@LINE-1]]:6: warning: desc->vm_flags is gone since 7.0; flag tests on the descriptor take bit numbers: vma_desc_test(desc, VMA_WRITE_BIT) [mmap-prepare-vm-flags]
// FIXED: if (vma_desc_test(desc, VMA_WRITE_BIT))
		return -EPERM;
	desc->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
// CHECK: desc-vm-flags.c:[[@LINE-1]]:2: warning: desc->vm_flags is gone since 7.0; VMA flags are set on the descriptor by bit number: vma_desc_set_flags(desc, VMA_DONTEXPAND_BIT, VMA_DONTDUMP_BIT) [mmap-prepare-vm-flags]
// FIXED: vma_desc_set_flags(desc, VMA_DONTEXPAND_BIT, VMA_DONTDUMP_BIT);
	desc->vm_flags &= ~VM_MAYWRITE;
// CHECK: desc-vm-flags.c:[[@LINE-1]]:2: warning: desc->vm_flags is gone since 7.0; VMA flags are cleared on the descriptor by bit number: vma_desc_clear_flags(desc, VMA_MAYWRITE_BIT) [mmap-prepare-vm-flags]
// FIXED: vma_desc_clear_flags(desc, VMA_MAYWRITE_BIT);
	return 0;
}

static const struct file_operations old_fops = {
	.mmap_prepare = old_prepare,
};
