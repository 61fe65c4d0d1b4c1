// Blocked: the hook calls vma->vm_ops->open(vma) itself.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

extern const struct vm_operations_struct ov_vm_ops;
static unsigned long ov_pfn;

static int ov_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	if (vma_pages(vma) > 4)
		return -EINVAL;
	ret = remap_pfn_range(vma, vma->vm_start, ov_pfn,
			      vma->vm_end - vma->vm_start,
			      vma->vm_page_prot);
	if (ret)
		return ret;
	vma->vm_ops = &ov_vm_ops;
	vma->vm_ops->open(vma);
	return 0;
}

static const struct file_operations ov_fops = {
	.mmap = ov_mmap,
};
// CHECK: calls-vm-open.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ov_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: calls-vm-open.c:[[@LINE-20]]:12: note: 'ov_mmap' is defined here
// CHECK-DAG: calls-vm-open.c:[[@LINE-9]]:2: note: {{.*}} [code-after-remap]
// CHECK-DAG: calls-vm-open.c:[[@LINE-10]]:2: note: calls vm_ops->open(vma) itself{{.*}} [calls-vm-open]
