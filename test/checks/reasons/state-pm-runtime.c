// Manual: the hook resumes the device and holds a runtime-PM reference.
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
#include <linux/pm_runtime.h>

struct pr_dev {
	struct device *dev;
	unsigned long pfn;
};

static int pr_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pr_dev *pd = file->private_data;

	if (vma_pages(vma) > 4)
		return -EINVAL;
	pm_runtime_get_sync(pd->dev);
	return remap_pfn_range(vma, vma->vm_start, pd->pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations pr_fops = {
	.mmap = pr_mmap,
};
// CHECK: state-pm-runtime.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'pr_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-pm-runtime.c:[[@LINE-16]]:12: note: 'pr_mmap' is defined here
// CHECK-NEXT: state-pm-runtime.c:[[@LINE-11]]:2: note: calls pm_runtime_get_sync(){{.*}} [state-in-hook]
// OTHER: state-pm-runtime.c:[[@LINE-12]]:2: warning: the mmap hook calls pm_runtime_get_sync(){{.*}} [mmap-prepare-stateful-hook]
