// Manual: VM_SOFTDIRTY is 0 in this config, so its bit cannot be inferred.
// RUN: %expect-exit 1 %mpl %s -- %kflags > %t.out
// RUN: %FileCheck %s --input-file=%t.out
// RUN: %FileCheck %s --check-prefix=OTHER --input-file=%t.out
// RUN: grep warning: %t.out | count 2
// RUN: grep note: %t.out | count 2
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long fu_pfn;

static int fu_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_SOFTDIRTY);
	return remap_pfn_range(vma, vma->vm_start, fu_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations fu_fops = {
	.mmap = fu_mmap,
};
// CHECK: flags-unknown-mask.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'fu_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: flags-unknown-mask.c:[[@LINE-14]]:12: note: 'fu_mmap' is defined here
// CHECK-NEXT: flags-unknown-mask.c:[[@LINE-11]]:28: note: 'VM_SOFTDIRTY' {{.*}} [flags-unknown-mask]
// OTHER: flags-unknown-mask.c:[[@LINE-12]]:28: warning: VMA flag use cannot be converted: 'VM_SOFTDIRTY' {{.*}} [mmap-prepare-vm-flags]
