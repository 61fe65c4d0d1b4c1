// Every legacy flag operation on the vma, as bit lists on the descriptor.
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static int flags_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE))
		return -EINVAL;
	if (vma->vm_flags & (VM_EXEC | VM_MAYEXEC))
		return -EPERM;
	if (!(vma->vm_flags & VM_SHARED))
		vm_flags_clear(vma, VM_MAYWRITE);
	vm_flags_set(vma, VM_SPECIAL);
	vm_flags_mod(vma, VM_DONTDUMP | VM_WIPEONFORK, VM_MAYEXEC);
	return 0;
}

static const struct file_operations flags_fops = {
	.mmap = flags_mmap,
};
// CHECK-DAG: flags.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'flags_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-DAG: flags.c:10:6: warning: flag tests on the descriptor take bit numbers: vma_desc_test_all(desc, VMA_SHARED_BIT, VMA_MAYWRITE_BIT) [mmap-prepare-vm-flags]
// CHECK-DAG: flags.c:12:6: warning: flag tests on the descriptor take bit numbers: vma_desc_test_any(desc, VMA_EXEC_BIT, VMA_MAYEXEC_BIT) [mmap-prepare-vm-flags]
// CHECK-DAG: flags.c:14:8: warning: flag tests on the descriptor take bit numbers: vma_desc_test(desc, VMA_SHARED_BIT) [mmap-prepare-vm-flags]
// CHECK-DAG: flags.c:15:3: warning: VMA flags are cleared on the descriptor by bit number: vma_desc_clear_flags(desc, VMA_MAYWRITE_BIT) [mmap-prepare-vm-flags]
// CHECK-DAG: flags.c:16:2: warning: VMA flags are set on the descriptor by bit number: vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT, VMA_PFNMAP_BIT, VMA_MIXEDMAP_BIT) [mmap-prepare-vm-flags]
// CHECK-DAG: flags.c:17:2: warning: vm_flags_mod() becomes vma_desc_set_flags(desc, VMA_DONTDUMP_BIT, VMA_WIPEONFORK_BIT) and vma_desc_clear_flags(desc, VMA_MAYEXEC_BIT) [mmap-prepare-vm-flags]
