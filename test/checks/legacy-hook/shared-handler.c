// One callback in two ops tables, an array of ops and a runtime assignment,
// with a forward declaration: every reference follows the rename.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static int shared_mmap(struct file *, struct vm_area_struct *);

static const struct file_operations a_fops = {
	.mmap = shared_mmap,
};
// CHECK: shared-handler.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'shared_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

static const struct file_operations many_fops[] = {
	{ .mmap = shared_mmap },
	{ .mmap = &shared_mmap },
};
// CHECK: shared-handler.c:[[@LINE-3]]:4: warning: 'file_operations.mmap'
// CHECK: shared-handler.c:[[@LINE-3]]:4: warning: 'file_operations.mmap'

static struct file_operations dyn_fops;

void shared_setup(void)
{
	dyn_fops.mmap = shared_mmap;
}
// CHECK: shared-handler.c:[[@LINE-2]]:11: warning: 'file_operations.mmap'

static int shared_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTCOPY);
	return 0;
}
