// The unit's headers have file_operations.mmap_prepare but declare none of
// the descriptor helpers (a 6.16-6.19 tree, or a 7.x unit such as
// sound/core/init.c that includes <linux/fs.h> and not <linux/mm.h>). Such a
// tree does not predate mmap_prepare: a callback that needs no helper is
// converted, one that needs a helper the unit lacks is manual, and no note
// says the headers predate the hook.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s -- -DMOCK_KERNEL_API=616
// RUN: %check-fix --define=MOCK_KERNEL_API=616 %s %s.expected %t

#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>

static int gone_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

static int io_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO);
	return 0;
}

static const struct file_operations gone_fops = {
	.mmap		= gone_mmap,
};

static const struct file_operations io_fops = {
	.mmap		= io_mmap,
};
// CHECK: slot-only-headers.c:{{21}}:2: warning: VMA flags are set on the descriptor by bit number: vma_desc_set_flags(desc, VMA_IO_BIT) [mmap-prepare-vm-flags]
// CHECK-NEXT: slot-only-headers.c:{{26}}:2: warning: 'file_operations.mmap' is deprecated; 'gone_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: slot-only-headers.c:{{14}}:12: note: 'gone_mmap' is defined here
// CHECK-NEXT: slot-only-headers.c:{{30}}:2: warning: 'file_operations.mmap' is deprecated; 'io_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: slot-only-headers.c:{{19}}:12: note: 'io_mmap' is defined here
// CHECK-NEXT: slot-only-headers.c:{{19}}:12: note: this translation unit's headers do not declare VMA_IO_BIT [helper-undeclared]
// CHECK-NEXT: slot-only-headers.c:{{19}}:12: note: this translation unit's headers do not declare vma_desc_set_flags(); pass --api=<level> to emit it anyway [helper-undeclared]
