// Blocked: the hook calls its own vm_ops .open handler with the vma.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/atomic.h>

static atomic_t co_users;
static unsigned long co_pfn;

static void co_vm_open(struct vm_area_struct *vma)
{
	atomic_inc(&co_users);
}

static const struct vm_operations_struct co_vm_ops = {
	.open = co_vm_open,
};

static int co_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	vma->vm_ops = &co_vm_ops;
	co_vm_open(vma);
	return remap_pfn_range(vma, vma->vm_start, co_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations co_fops = {
	.mmap = co_mmap,
};
// CHECK: calls-own-vm-open.c:27:2: warning: the mmap hook calls co_vm_open(), which changes co_users with atomic_inc(); {{.*}} [mmap-prepare-stateful-hook]
// CHECK: calls-own-vm-open.c:[[@LINE-3]]:2: warning: 'file_operations.mmap' is deprecated; 'co_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: calls-own-vm-open.c:22:12: note: 'co_mmap' is defined here
// CHECK-NEXT: calls-own-vm-open.c:27:2: note: calls its vm_ops->open handler co_vm_open() itself{{.*}} [calls-vm-open]
// CHECK-NEXT: calls-own-vm-open.c:27:2: note: calls co_vm_open(), which changes co_users with atomic_inc(); {{.*}} [state-in-hook]
