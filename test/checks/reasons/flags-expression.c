// Manual: the address of vma->vm_flags is taken; no descriptor field stands
// in for it (a plain read becomes vma_flags_to_legacy(), see vm-flags/).
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

static unsigned long fe_pfn;
static void fe_trace_flags(const unsigned long *flags) { (void)flags; }

static int fe_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	fe_trace_flags(&vma->vm_flags);
	return remap_pfn_range(vma, vma->vm_start, fe_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations fe_fops = {
	.mmap = fe_mmap,
};
// CHECK: flags-expression.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'fe_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: flags-expression.c:18:12: note: 'fe_mmap' is defined here
// CHECK-NEXT: flags-expression.c:22:18: note: writes vma->vm_flags or takes its address{{.*}} [flags-expression]
// OTHER: flags-expression.c:22:18: warning: VMA flag use cannot be converted: {{.*}} [mmap-prepare-vm-flags]
